using MassTransit;

namespace SmsVending.Vending.Messaging;

/// <summary>A request's answer: the success message or the refusal, exactly one of them; services return either by conversion.</summary>
internal sealed record Answer<TDone, TRefused>(TDone? Done, TRefused? Refused)
    where TDone : class
    where TRefused : class
{
    public static implicit operator Answer<TDone, TRefused>(TDone done) => new(done, null);

    public static implicit operator Answer<TDone, TRefused>(TRefused refused) => new(null, refused);

    /// <summary>Sends whichever it is as the response.</summary>
    public Task RespondAsync(ConsumeContext context) => Done is not null ? context.RespondAsync(Done) : context.RespondAsync(Refused!);
}
