namespace Hqt.Upstream;

/// <summary>SplitMix64: tiny, and the same sequence for a seed on every runtime (System.Random promises no such thing).</summary>
sealed class SeededRandom(int seed)
{
    ulong _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL;

    public int Next(int exclusiveMax)
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)exclusiveMax);
    }
}
