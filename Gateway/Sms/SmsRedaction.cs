namespace SmsVending.Gateway.Sms;

/// <summary>Hides PINs and registration codes in an SMS before staff see it (the message log keeps the raw text, which a replay needs).</summary>
public static class SmsRedaction
{
    private const string Hidden = "****";

    /// <summary>The body with any PIN or registration code replaced by ****.</summary>
    public static string Masked(string body)
    {
        var secrets = SmsCommandParser.Parse(body) switch
        {
            SmsCommand.Buy { Pin: { } pin } => [pin],
            SmsCommand.ChangePin change => [change.OldPin, change.NewPin],
            SmsCommand.Register register => [register.Code],
            _ => Array.Empty<string>(),
        };
        var words = body.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (secrets.Contains(words[i].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                words[i] = Hidden;
            }
        }

        return string.Join(' ', words);
    }
}
