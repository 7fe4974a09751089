using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.KeyAuthority.Audit;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`audit verify`: walks the hash chain of issued tokens; exit code 1 when it was tampered with.</summary>
internal static class AuditCommands
{
    public static Command Create(TextWriter output, TimeProvider time)
    {
        var store = new StoreOptions(time);
        var verify = new Command("verify", "Check that no entry of the token log was altered or removed");
        store.AddTo(verify);
        verify.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await store.OpenAsync(result);
            var check = await services.GetRequiredService<AuditLog>().VerifyAsync(cancellationToken);
            new CliOutput(output, result.GetValue(store.Json)).Write(
                new { intact = check.Intact, entries = check.Entries, firstBadSeq = check.FirstBadSeq, finding = check.Finding },
                check.Intact ? $"intact: {check.Finding}" : $"TAMPERED: {check.Finding}");
            return check.Intact ? 0 : 1;
        });
        return new Command("audit", "The append-only log of issued tokens") { verify };
    }
}
