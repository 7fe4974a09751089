using SmsVending.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.Issuance;
using SmsVending.KeyAuthority.Keys;
using SmsVending.Infrastructure.Storage;
using SmsVending.KeyAuthority.Storage;
using SmsVending.KeyAuthority.Tests.Support;

namespace SmsVending.KeyAuthority.Tests.Keys;

public sealed class SealedStoreTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task MasterKeyFile_IsCreatedOwnerOnly()
    {
        await using var authority = await TestKeyAuthority.StartAsync(database);

        var mode = File.GetUnixFileMode(Path.Combine(database.Folder, "master.key"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task Store_HoldsNoKeyInTheClear()
    {
        await using (var authority = await TestKeyAuthority.StartAsync(database))
        {
            await authority.AddStsMetersAsync(1);
        }

        var bytes = await File.ReadAllBytesAsync(Path.Combine(database.Folder, "test.db"));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(TestKeyAuthority.VendingKey));
    }

    [Fact]
    public async Task Start_WithAnotherMasterKey_RefusesTheStore()
    {
        await using (var authority = await TestKeyAuthority.StartAsync(database))
        {
            await authority.AddStsMetersAsync(1);
        }

        var other = Path.Combine(database.Folder, "other.key");
        MasterKey.Create(other);

        var error = await Assert.ThrowsAsync<SealedKeyException>(() => TestKeyAuthority.StartAsync(database, s => s["KeyAuthority:MasterKeyFile"] = other));
        Assert.Contains("master key does not open this key store", error.Message);
    }

    [Fact]
    public void SealedKey_CopiedOntoAnotherRecord_DoesNotOpen()
    {
        using var sealer = new KeySealer(new byte[32]);
        var sealedKey = sealer.Seal([1, 2, 3], "vk:123456:1:2:02");

        Assert.Throws<SealedKeyException>(() => sealer.Open(sealedKey, "vk:123457:1:2:02"));
        sealedKey[^1] ^= 1;
        Assert.Throws<SealedKeyException>(() => sealer.Open(sealedKey, "vk:123456:1:2:02"));
    }

    [Fact]
    public async Task Reseal_MovesEveryKeyToTheNewMasterKey()
    {
        string meter;
        var next = Path.Combine(database.Folder, "next.key");
        MasterKey.Create(next);
        await using (var authority = await TestKeyAuthority.StartAsync(database))
        {
            meter = (await authority.AddStsMetersAsync(1))[0];
            using var nextSealer = new KeySealer(MasterKey.Load(next));
            Assert.Equal(1, await KeyResealer.ResealAsync(authority.Get<KeyAuthorityDatabase>(), authority.Get<KeySealer>(), nextSealer));
        }

        await Assert.ThrowsAsync<SealedKeyException>(() => TestKeyAuthority.StartAsync(database));
        await using var resealed = await TestKeyAuthority.StartAsync(database, s => s["KeyAuthority:MasterKeyFile"] = next);
        var result = await resealed.Get<TokenIssuer>().IssueAsync(new IssueToken(Guid.NewGuid(), meter, TokenOperation.Credit, 1, "test"));
        Assert.True(TokenDecoder.Decode(StsToken.Parse(result.Issued!.Tokens[0].Digits), TestKeyAuthority.Cipher(meter)).CrcOk);
    }

    [Fact]
    public async Task MasterKey_FileWithoutSixtyFourHexDigits_SaysWhatIsWrong()
    {
        var file = Path.Combine(database.Folder, "bad.key");
        await File.WriteAllTextAsync(file, "abc");

        var error = Assert.Throws<InvalidOperationException>(() => MasterKey.Load(file));
        Assert.Contains("64 hex digits", error.Message);
    }

    [Fact]
    public async Task VendingKey_ImportedTwice_IsRefused()
    {
        await using var authority = await TestKeyAuthority.StartAsync(database);
        var store = authority.Get<VendingKeyStore>();
        var id = new VendingKeyId(1, 1, KeyType.Unique, 4);

        await store.GenerateAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GenerateAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync(new VendingKeyId(2, 1, KeyType.Unique, 4), new byte[8]));
        Assert.Single(await store.ListAsync());
        SqliteConnection.ClearAllPools();
    }
}
