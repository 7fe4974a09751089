namespace SmsVending.Vending.Admin;

/// <summary>Admin list requests: a page of 1 to 100 from an offset of 0 or more, each item turned into its details in order.</summary>
internal static class AdminPage
{
    public static (int Limit, int Offset) Bounds(int limit, int offset) => (Math.Clamp(limit, 1, 100), Math.Max(offset, 0));

    public static async Task<IReadOnlyList<TDetails>> DetailsAsync<T, TDetails>(IReadOnlyList<T> page, Func<T, CancellationToken, Task<TDetails>> details,
        CancellationToken cancellationToken)
    {
        var list = new List<TDetails>(page.Count);
        foreach (var item in page)
        {
            list.Add(await details(item, cancellationToken)); // one at a time: a connection each
        }

        return list;
    }
}
