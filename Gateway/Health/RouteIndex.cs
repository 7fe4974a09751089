namespace SmsVending.Gateway.Health;

/// <summary>What `GET /` tells a person who opens the Gateway in a browser: where the routes are.</summary>
internal static class RouteIndex
{
    public const string Text = """
        SmsVending Gateway
        POST /sms/twilio, /sms/twilio/status          Twilio webhooks (X-Twilio-Signature)
        POST /ussd                                     Africa's Talking USSD
        POST /payments/mpesa/c2b/validation|confirmation, /payments/mpesa/stk/callback   M-Pesa (callback secret)
        POST /ir/frames                                IR session frames a phone relays between meter and host (application/octet-stream)
        /staff/...  /admin/...                         staff and admin APIs (X-Api-Key; keys in credentials.json in the data folder)
        GET /console                                   the call-centre console (sign in with a staff key)
        GET /health/live, /health/ready
        """;
}
