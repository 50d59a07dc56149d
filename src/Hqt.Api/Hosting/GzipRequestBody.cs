using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace Hqt.Api.Hosting;

/// <summary>
/// Accepts <c>Content-Encoding: gzip</c> request bodies. The wire size is bounded by Kestrel's request size
/// limit; the decompressed size by <see cref="HqtOptions.MaxDecompressedCaptureBytes"/>, checked while
/// reading, so a gzip bomb is cut off after that many bytes instead of filling memory.
/// </summary>
public sealed class GzipRequestBody(RequestDelegate next, Microsoft.Extensions.Options.IOptions<HqtOptions> options)
{
    readonly long maxDecompressedBytes = options.Value.MaxDecompressedCaptureBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var encoding = context.Request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (!encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem($"Content-Encoding '{encoding}' is not supported; send gzip or no encoding.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Content-Encoding").ExecuteAsync(context);
            return;
        }

        context.Request.Headers.Remove("Content-Encoding");
        context.Request.Headers.ContentLength = null;
        var raw = context.Request.Body;
        await using var decompressed = new BoundedGunzipStream(raw, maxDecompressedBytes);
        context.Request.Body = decompressed;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Body = raw;
        }
    }

    /// <summary>Reads gzip, failing with 413 past the limit and 400 on corrupt data (as a bad request, not a crash).</summary>
    sealed class BoundedGunzipStream(Stream raw, long limit) : Stream
    {
        readonly GZipStream _gzip = new(raw, CompressionMode.Decompress, leaveOpen: true);
        long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            int n;
            try
            {
                n = await _gzip.ReadAsync(buffer, ct);
            }
            catch (InvalidDataException e)
            {
                throw new BadHttpRequestException("The request body is not valid gzip.", StatusCodes.Status400BadRequest, e);
            }
            _read += n;
            if (_read > limit)
                throw new BadHttpRequestException($"The decompressed request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) _gzip.Dispose();
            base.Dispose(disposing);
        }
    }
}
