using System.Collections.Concurrent;

namespace SmsVending.MeterEmulator.PhoneNetwork;

/// <summary>Every emulated phone's received SMS, keyed by E.164 number; waiting for one needs no polling.</summary>
public sealed class PhoneInbox(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Mailbox> mailboxes = new();

    /// <summary>The messages the phone has received so far, oldest first.</summary>
    public IReadOnlyList<InboxMessage> Messages(string phone) => MailboxOf(phone).Snapshot();

    /// <summary>The first message (already received or still to come) that matches; a <see cref="TimeoutException"/> when none arrives in time.</summary>
    public async Task<InboxMessage> WaitForMessageAsync(
        string phone, Func<InboxMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var mailbox = MailboxOf(phone);
        var waiter = mailbox.Wait(predicate);
        try
        {
            return await waiter.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            mailbox.Forget(waiter);
            throw new TimeoutException($"No matching SMS reached {Masked(phone)} within {timeout}");
        }
        catch (OperationCanceledException)
        {
            mailbox.Forget(waiter);
            throw;
        }
    }

    internal void Deliver(InboxMessage message) => MailboxOf(message.To).Add(message);

    private Mailbox MailboxOf(string phone) => mailboxes.GetOrAdd(phone, _ => new Mailbox());

    private static string Masked(string phone) => phone.Length > 4 ? new string('*', phone.Length - 4) + phone[^4..] : phone;

    private sealed class Mailbox
    {
        private readonly Lock gate = new();
        private readonly List<InboxMessage> messages = [];
        private readonly List<Waiter> waiters = [];

        public IReadOnlyList<InboxMessage> Snapshot()
        {
            lock (gate)
            {
                return [.. messages];
            }
        }

        public Waiter Wait(Func<InboxMessage, bool> predicate)
        {
            var waiter = new Waiter(predicate);
            lock (gate)
            {
                if (messages.FirstOrDefault(predicate) is { } received)
                {
                    waiter.TrySetResult(received);
                }
                else
                {
                    waiters.Add(waiter);
                }
            }

            return waiter;
        }

        public void Add(InboxMessage message)
        {
            List<Waiter> matched;
            lock (gate)
            {
                messages.Add(message);
                matched = waiters.FindAll(w => w.Predicate(message));
                waiters.RemoveAll(matched.Contains);
            }

            matched.ForEach(w => w.TrySetResult(message));
        }

        public void Forget(Waiter waiter)
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }
        }
    }

    private sealed class Waiter(Func<InboxMessage, bool> predicate) : TaskCompletionSource<InboxMessage>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public Func<InboxMessage, bool> Predicate { get; } = predicate;
    }
}
