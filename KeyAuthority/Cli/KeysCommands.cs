using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Storage;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`keys generate|import|list|reseal`: the sealed vending key store. No command prints a key.</summary>
internal static class KeysCommands
{
    public static Command Create(TextWriter output, TimeProvider time) => new("keys", "Vending keys, sealed under the master key")
    {
        Generate(output, time), Import(output, time), List(output, time), Reseal(output, time),
    };

    private static Command Generate(TextWriter output, TimeProvider time)
    {
        var (store, name) = (new StoreOptions(time), new KeyNameOptions());
        var command = new Command("generate", "Create a vending key from the system's CSPRNG");
        name.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = name.Id(result);
            await using var services = await store.OpenAsync(result);
            await services.GetRequiredService<VendingKeyStore>().GenerateAsync(id, cancellationToken);
            new CliOutput(output, result.GetValue(store.Json)).Write(new { generated = id.ToString() }, $"generated the vending key for {id}");
            return 0;
        });
        return command;
    }

    private static Command Import(TextWriter output, TimeProvider time)
    {
        var (store, name) = (new StoreOptions(time), new KeyNameOptions());
        var keyFile = new Option<string>("--key-file") { Description = "File holding the key in hex, as the key management centre handed it over", Required = true };
        var command = new Command("import", "Import a vending key (hex)") { keyFile };
        name.AddTo(command);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var id = name.Id(result);
            var path = result.GetValue(keyFile)!;
            var text = File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken)).Trim() : throw new CliInputException("--key-file", $"no file {path}");
            var key = OptionText.Hex("--key-file", text, id.KeyLength);
            await using var services = await store.OpenAsync(result);
            await services.GetRequiredService<VendingKeyStore>().ImportAsync(id, key, cancellationToken);
            new CliOutput(output, result.GetValue(store.Json)).Write(new { imported = id.ToString() }, $"imported the vending key for {id}");
            return 0;
        });
        return command;
    }

    private static Command List(TextWriter output, TimeProvider time)
    {
        var store = new StoreOptions(time);
        var command = new Command("list", "List vending keys (names only)");
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await store.OpenAsync(result);
            var keys = await services.GetRequiredService<VendingKeyStore>().ListAsync(cancellationToken);
            new CliOutput(output, result.GetValue(store.Json)).Write(
                new { keys = keys.Select(k => new { sgc = k.Id.SupplyGroupCode, krn = k.Id.KeyRevision, kt = (int)k.Id.KeyType, dkga = k.Id.Dkga, origin = k.Origin, createdAt = k.CreatedAt }) },
                keys.Count == 0 ? ["no vending keys"] : keys.Select(k => $"{k.Id}  {k.Origin} {k.CreatedAt:yyyy-MM-dd HH:mm}Z"));
            return 0;
        });
        return command;
    }

    private static Command Reseal(TextWriter output, TimeProvider time)
    {
        var store = new StoreOptions(time);
        var newKey = new Option<string>("--new-master-key-file") { Description = "The new master key file (created, owner-only, when missing)", Required = true };
        var command = new Command("reseal", "Re-seal every stored key under a new master key") { newKey };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(newKey)!;
            var created = !File.Exists(path);
            if (created)
            {
                MasterKey.Create(path);
            }

            await using var services = await store.OpenAsync(result);
            using var next = new KeySealer(OptionText.Checked("--new-master-key-file", () => MasterKey.Load(path)));
            var count = await KeyResealer.ResealAsync(services.GetRequiredService<KeyAuthorityDatabase>(), services.GetRequiredService<KeySealer>(), next, cancellationToken);
            new CliOutput(output, result.GetValue(store.Json)).Write(new { resealed = count, masterKeyFile = path, created },
                $"re-sealed {count} keys under {path}{(created ? " (new key file created)" : "")}; point the configuration (or {MasterKey.EnvironmentVariable}) at it before the next start");
            return 0;
        });
        return command;
    }
}

/// <summary>--sgc, --krn, --kt and --dkga: the name of a vending key.</summary>
internal sealed class KeyNameOptions
{
    private readonly Option<string> sgc = new("--sgc") { Description = "Supply group code, 6 digits", Required = true };
    private readonly Option<string> krn = new("--krn") { Description = "Key revision number 1..9", Required = true };
    private readonly Option<string> kt = new("--kt") { Description = "Key type 0..3", DefaultValueFactory = _ => "2" };
    private readonly Option<string> dkga = new("--dkga") { Description = "02 (64-bit key) or 04 (160-bit key)", DefaultValueFactory = _ => "02" };

    public void AddTo(Command command)
    {
        foreach (var option in new[] { sgc, krn, kt, dkga })
        {
            command.Options.Add(option);
        }
    }

    public VendingKeyId Id(ParseResult result) => new(
        TokenOptionText.SupplyGroupCode("--sgc", result.GetValue(sgc)!),
        (int)OptionText.Number("--krn", result.GetValue(krn)!, 1, 9),
        (KeyType)OptionText.Number("--kt", result.GetValue(kt)!, 0, 3),
        Dkga("--dkga", result.GetValue(dkga)!));

    public static int Dkga(string option, string text) => text switch
    {
        "02" or "2" => 2,
        "04" or "4" => 4,
        _ => throw new CliInputException(option, $"expected 02 or 04, got '{text}'"),
    };
}
