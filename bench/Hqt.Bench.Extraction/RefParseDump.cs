using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text.Json;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Bench.Extraction;

/// <summary>
/// Every reference string of ../shared/eval/refparse/dev.jsonl (train and dev-test) through the parser, one JSON line
/// each: a hash of its token and boundary features, its labels, its margins to the last bit and the whole parse. A
/// speed change must leave this file byte-identical (same feature ids, same model, same parses):
/// <c>dotnet bench/…/Hqt.Bench.Extraction.dll --refparse-dump before.jsonl</c>, change, dump again, <c>cmp</c>.
/// </summary>
static class RefParseDump
{
    public static void Run(string output)
    {
        var path = Path.Combine(CorpusPages.SharedRoot(), "eval", "refparse", "dev.jsonl");
        var model = ReferenceParser.DefaultModel;
        using var writer = new StreamWriter(output);
        foreach (var line in File.ReadLines(path))
        {
            var item = JsonDocument.Parse(line).RootElement;
            var text = item.GetProperty("text").GetString()!;
            var tokens = RefTokenizer.Tokenize(text.Trim());
            var sequence = RefFeatures.Extract(tokens, model.Lexicons);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var i = 0; i < sequence.Length; i++)
            {
                hash.AppendData(MemoryMarshal.AsBytes(sequence.Token(i)));
                hash.AppendData([0xFF]);
                hash.AppendData(MemoryMarshal.AsBytes(sequence.Edge(i)));
                hash.AppendData([sequence.MidPhrase(i) ? (byte)1 : (byte)0]);
            }
            var labels = model.Decode(sequence, out var margins);
            var parse = ReferenceParser.Parse(text);
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = item.GetProperty("id").GetString(),
                features = Convert.ToHexString(hash.GetHashAndReset())[..16],
                labels = string.Join(' ', labels.Select(l => RefLabels.Names[(int)l])),
                margins = string.Join(' ', margins.Select(m => BitConverter.SingleToInt32Bits(m).ToString("x8"))),
                parse,
            }));
        }
    }
}
