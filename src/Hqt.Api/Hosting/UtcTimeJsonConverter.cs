using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Hqt.Api.Hosting;

/// <summary>
/// Times on the wire: written in UTC with a Z and milliseconds (<c>2026-12-06T02:03:20.123Z</c>, what JavaScript's
/// <c>toISOString</c> writes and every client parses), read only with an explicit zone: a time without one
/// ("2030-01-01T09:00") would be read in the server's zone, which the client cannot know, so it is a 400.
/// </summary>
public sealed partial class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    [GeneratedRegex(@"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithZone();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !WithZone().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new JsonException("A time is an ISO 8601 date and time with its zone: end it with Z or an offset such as +02:00.");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
