using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Feature hash → weight row, open addressing with linear probing: the tagger looks up about 130 features a token,
/// and this is several times cheaper than <see cref="Dictionary{TKey,TValue}"/> for 64-bit keys. A slot holds its key
/// and its row side by side, so a lookup touches one cache line of the table (then one of the weights), which is
/// what decoding's time goes to once the table outgrows the caches.
/// </summary>
sealed class FeatureTable
{
    struct Slot
    {
        public ulong Key;
        public int Row;
    }

    readonly Slot[] _slots;
    readonly int _shift;

    public FeatureTable(IReadOnlyDictionary<ulong, int> rows)
    {
        var bits = 4;
        while ((1 << bits) < rows.Count * 2) bits++;
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        foreach (var (key, row) in rows)
        {
            var k = key == 0 ? 1 : key;
            var at = SlotOf(k);
            while (_slots[at].Key != 0) at = (at + 1) & (_slots.Length - 1);
            _slots[at] = new Slot { Key = k, Row = row };
        }
    }

    int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>
    /// Asks the memory system for the slot a key starts probing at, without waiting: the decoder calls this a few
    /// features ahead of <see cref="TryGet"/>, so the table's cache misses overlap instead of coming one after another.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (!Sse.IsSupported) return;
        var k = key == 0 ? 1 : key;
        Sse.Prefetch0(Unsafe.AsPointer(ref _slots[SlotOf(k)]));
    }

    public bool TryGet(ulong key, out int row)
    {
        var k = key == 0 ? 1 : key;
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = SlotOf(k); ; at = (at + 1) & mask)
        {
            ref readonly var slot = ref slots[at];
            if (slot.Key == k) { row = slot.Row; return true; }
            if (slot.Key == 0) { row = -1; return false; }
        }
    }
}
