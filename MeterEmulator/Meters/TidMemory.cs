namespace SmsVending.MeterEmulator.Meters;

/// <summary>The meter's memory of recent TIDs, kept ascending; when full the oldest (smallest) is dropped.</summary>
internal static class TidMemory
{
    /// <summary>Used if remembered, Old if older than the oldest remembered with the memory full, else null.</summary>
    public static MeterResult? Check(int[] tids, int size, int tid)
    {
        if (Array.BinarySearch(tids, tid) >= 0)
        {
            return MeterResult.Used;
        }

        return tids.Length >= size && tid < tids[0] ? MeterResult.Old : null;
    }

    public static int[] Remember(int[] tids, int size, int tid)
    {
        var list = new List<int>(tids);
        var at = list.BinarySearch(tid);
        if (at < 0)
        {
            list.Insert(~at, tid);
        }

        while (list.Count > size)
        {
            list.RemoveAt(0);
        }

        return [.. list];
    }
}
