namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Feature hash → weight row, open addressing with linear probing: the tagger looks up about a hundred features a
/// token, and this is several times cheaper than <see cref="Dictionary{TKey,TValue}"/> for 64-bit keys.
/// </summary>
sealed class FeatureTable
{
    readonly ulong[] _keys;
    readonly int[] _rows;
    readonly int _shift;

    public FeatureTable(IReadOnlyDictionary<ulong, int> rows)
    {
        var bits = 4;
        while ((1 << bits) < rows.Count * 2) bits++;
        _keys = new ulong[1 << bits];
        _rows = new int[1 << bits];
        _shift = 64 - bits;
        foreach (var (key, row) in rows)
        {
            var k = key == 0 ? 1 : key;
            var at = Slot(k);
            while (_keys[at] != 0) at = (at + 1) & (_keys.Length - 1);
            _keys[at] = k;
            _rows[at] = row;
        }
    }

    int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    public bool TryGet(ulong key, out int row)
    {
        var k = key == 0 ? 1 : key;
        var mask = _keys.Length - 1;
        for (var at = Slot(k); ; at = (at + 1) & mask)
        {
            var found = _keys[at];
            if (found == k) { row = _rows[at]; return true; }
            if (found == 0) { row = -1; return false; }
        }
    }
}
