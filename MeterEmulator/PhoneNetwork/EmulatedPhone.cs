using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>A customer's phone on the network: texts the service through the Gateway's Twilio webhook, exactly as Twilio
/// posts it, and receives SMS in its inbox (including TwiML &lt;Message&gt; replies, as Twilio sends them on).</summary>
public sealed class EmulatedPhone
{
    private readonly HttpClient http;
    private readonly PhoneNetworkSettings settings;
    private readonly PhoneInbox inbox;
    private readonly TimeProvider time;

    internal EmulatedPhone(string number, HttpClient http, PhoneNetworkSettings settings, PhoneInbox inbox, TimeProvider time)
    {
        Number = E164.IsValid(number) ? number : throw new ArgumentException($"'{number}' is not an E.164 phone number", nameof(number));
        (this.http, this.settings, this.inbox, this.time) = (http, settings, inbox, time);
    }

    /// <summary>The phone's E.164 number.</summary>
    public string Number { get; }

    /// <summary>Texts the service: a new MessageSid, posted to the Gateway's webhook.</summary>
    public Task<InboundSms> SendSmsAsync(string text, CancellationToken cancellationToken = default) =>
        PostAsync(TwilioSid.NewMessageSid(), text, cancellationToken);

    /// <summary>Posts an SMS again with the same MessageSid, as Twilio retries a webhook that failed or timed out.</summary>
    public Task<InboundSms> ResendAsync(InboundSms sms, CancellationToken cancellationToken = default) =>
        PostAsync(sms.MessageSid, sms.Body, cancellationToken);

    /// <summary>The first SMS to this phone (received or still to come) that matches, within the timeout.</summary>
    public Task<InboxMessage> WaitForMessageAsync(Func<InboxMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inbox.WaitForMessageAsync(Number, predicate, timeout, cancellationToken);

    private async Task<InboundSms> PostAsync(string messageSid, string text, CancellationToken cancellationToken)
    {
        var webhook = settings.GatewayWebhook ?? throw new InvalidOperationException("The phone network has no Gateway webhook configured");
        using var request = TwilioWebhook.Request(webhook, settings.SignedWebhook!.AbsoluteUri, Form(messageSid, text), settings.AuthToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var reply = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.EndsWith("xml", StringComparison.OrdinalIgnoreCase) == true)
        {
            DeliverTwiMLReplies(reply);
        }

        return new InboundSms(messageSid, Number, settings.ServiceNumber, text, response.StatusCode, reply);
    }

    private List<KeyValuePair<string, string>> Form(string messageSid, string text)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", messageSid),
            new("SmsSid", messageSid),
            new("SmsMessageSid", messageSid),
            new("AccountSid", settings.AccountSid),
            new("From", Number),
            new("To", settings.ServiceNumber),
            new("Body", text),
            new("NumSegments", SmsSegmentCount.Of(text).ToString(CultureInfo.InvariantCulture)),
            new("NumMedia", "0"),
            new("SmsStatus", "received"),
            new("ApiVersion", "2010-04-01"),
        ];
        if (settings.MessagingServiceSid is { } service)
        {
            form.Add(new("MessagingServiceSid", service));
        }

        return form;
    }

    private void DeliverTwiMLReplies(string twiml)
    {
        try
        {
            foreach (var message in XDocument.Parse(twiml).Descendants("Message"))
            {
                var body = message.Element("Body")?.Value ?? message.Value;
                inbox.Deliver(new InboxMessage(TwilioSid.NewMessageSid(), settings.ServiceNumber, Number, body, time.GetUtcNow()));
            }
        }
        catch (XmlException)
        {
            // Not TwiML: Twilio ignores such an answer too.
        }
    }
}
