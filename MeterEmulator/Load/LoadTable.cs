using System.Globalization;
using Spectre.Console;

namespace SmsVending.MeterEmulator.Load;

/// <summary>The report as tables on the terminal: the totals, then rejections and errors by reason.</summary>
internal static class LoadTable
{
    public static void Write(LoadReport report, IAnsiConsole console)
    {
        var totals = new Table().AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string what, object value) => totals.AddRow(Markup.Escape(what), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        Row("customers", report.Customers);
        Row("purchases sent", report.Purchases);
        Row("replies", report.Replies);
        Row("token sets accepted by meters", report.TokenSetsAccepted);
        Row("tokens accepted by meters", report.TokensAccepted);
        Row("rejections", report.Rejections.Values.Sum());
        Row("duplicate tokens", report.Duplicates);
        Row("double vends", report.ExtraTokenSets);
        Row("errors", report.Errors);
        Row("repeated webhooks", report.DuplicateWebhooks);
        Row("infrared purchases / credited", $"{report.Infrared.Sent} / {report.Infrared.Credited}");
        Row("garbage sent / answered", $"{report.Garbage.Sent} / {report.Garbage.Answered}");
        if (report.WarmupPurchases > 0)
        {
            Row("warm-up purchases (not in the figures below)", report.WarmupPurchases);
        }

        Row("duration (s)", report.DurationSeconds);
        Row("throughput (purchases/s)", report.ThroughputPerSec);
        Row("latency p50 / p95 / p99 / max (ms)", $"{report.LatencyMs.P50} / {report.LatencyMs.P95} / {report.LatencyMs.P99} / {report.LatencyMs.Max}");
        console.Write(totals);
        Reasons(console, "rejections", report.Rejections);
        Reasons(console, "errors", report.ErrorReasons);
        console.MarkupLine(report.EveryPurchaseVendedOnce
            ? "[green]every purchase ended with exactly one accepted token set[/]"
            : $"[red]{report.Purchases - report.TokenSetsAccepted} purchase(s) without an accepted token set, {report.ExtraTokenSets} double vend(s)[/]");
    }

    private static void Reasons(IAnsiConsole console, string title, IReadOnlyDictionary<string, int> reasons)
    {
        if (reasons.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumn(title).AddColumn(new TableColumn("count").RightAligned());
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            table.AddRow(Markup.Escape(reason), count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
