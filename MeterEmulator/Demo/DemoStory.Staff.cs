using System.Text.Json;

namespace SmsVending.MeterEmulator.Demo;

/// <summary>Step 7: the call centre resends a token the customer says never came.</summary>
public sealed partial class DemoStory
{
    private const string ResendReason = "customer says the token SMS never arrived (demo)";

    private async Task ResendAsync(string phone, string lastToken, CancellationToken cancellationToken)
    {
        Step("A call-centre agent finds the customer's last purchase and resends its token (staff API)");
        var purchases = await gateway.PurchasesAsync(phone, cancellationToken);
        var last = purchases.Count > 0 ? purchases[0] : throw new DemoFailure($"the staff API found no purchase for {phone}");
        Say($"agent: purchase {last.PurchaseId} by {last.Channel}, {last.Currency} {last.Amount}, {last.Status}, {last.Tokens.Count} token(s)");
        if (!last.Tokens.Any(t => t.Replace(" ", "", StringComparison.Ordinal) == lastToken))
        {
            throw new DemoFailure($"the last purchase does not hold the USSD token {DemoSms.Grouped(lastToken)}");
        }

        var seen = Seen(phone);
        await gateway.ResendAsync(last.PurchaseId, phone, ResendReason, cancellationToken);
        Say($"agent: resend asked, reason \"{ResendReason}\"");
        await WaitForSmsAsync(phone, seen, body => DemoSms.HasToken(body) && DemoSms.Token(body) == lastToken, "the same token again", cancellationToken);

        var audit = await gateway.AgentAuditAsync(cancellationToken);
        var resends = audit.Where(e => Text(e, "target").Contains(last.PurchaseId.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        var entry = resends.Count > 0 ? resends[0] : throw new DemoFailure("the staff audit holds no resend by the agent");
        Say($"audit (supervisor): {Text(entry, "who")} ({Text(entry, "role")}) POST {Text(entry, "target")} \"{Text(entry, "reason")}\" -> "
            + $"{(entry.TryGetProperty("status", out var status) ? status.ToString() : "?")}");
    }

    private static string Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
