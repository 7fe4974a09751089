namespace SmsVending.Contracts.Refusals;

/// <summary>A request a service refuses, thrown where the code knows what kind of refusal it is (a lookup found nothing, a key is
/// taken); the service's consumer answers it as its refusal message with <see cref="KindOf"/>.</summary>
public sealed class RefusedException(RefusalKind kind, string message, Exception? inner = null) : ArgumentException(message, inner)
{
    /// <summary>What kind of refusal it is.</summary>
    public RefusalKind Kind { get; } = kind;

    /// <summary>The kind of refusal an exception stands for: its own, or that of the refusal it wraps (a file's line, a record of a
    /// list, naming what went wrong with it); any other bad request is <see cref="RefusalKind.Invalid"/>.</summary>
    public static RefusalKind KindOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RefusedException refused)
            {
                return refused.Kind;
            }
        }

        return RefusalKind.Invalid;
    }
}
