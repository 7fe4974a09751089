namespace SmsVending.MeterEmulator.Demo;

/// <summary>A step did not behave as the story expects; the message says what happened instead.</summary>
internal sealed class DemoFailure(string message) : Exception(message);
