using System.Text.Json;
using SmsVending.Gateway.Embedded;

namespace SmsVending.Gateway.Tests.Embedded;

public sealed class CredentialsTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "smsvending-gateway", Guid.NewGuid().ToString("N"), "credentials.json");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

    [Fact]
    public void LoadOrCreate_FileWrittenBeforeTheMpesaSecret_AddsItAndKeepsTheRest()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, """
            {"adminApiKey":"a","supervisorApiKey":"s","agentApiKey":"g","manufacturingApiKey":"m","twilioAccountSid":"AC1","twilioAuthToken":"t"}
            """);

        var loaded = Credentials.LoadOrCreate(file);
        var again = Credentials.LoadOrCreate(file);

        Assert.Equal(("a", "t"), (loaded.AdminApiKey, loaded.TwilioAuthToken));
        Assert.True(loaded.MpesaCallbackSecret is { Length: >= 16 });
        Assert.Equal(loaded, again);
        Assert.Equal(loaded, JsonSerializer.Deserialize<Credentials>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }
}
