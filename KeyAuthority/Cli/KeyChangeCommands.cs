using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmsVending.Contracts.CommandLine;
using SmsVending.Contracts.Tokens.Sts;
using SmsVending.KeyAuthority.KeyChanges;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`key-change schedule` and `rollover plan|run`: key changes issued with each meter's next credit token.</summary>
internal static class KeyChangeCommands
{
    public static Command Schedule(TextWriter output, TimeProvider time)
    {
        var store = new StoreOptions(time);
        var meter = new Option<string>("--meter") { Description = "One meter" };
        var group = new Option<string>("--group-sgc") { Description = "Every meter of this supply group" };
        var sgc = new Option<string>("--new-sgc") { Description = "New supply group code" };
        var ti = new Option<string>("--new-ti") { Description = "New tariff index" };
        var krn = new Option<string>("--new-krn") { Description = "New key revision number" };
        var kt = new Option<string>("--new-kt") { Description = "New key type" };
        var ken = new Option<string>("--new-ken") { Description = "New key expiry number" };
        var baseDate = new Option<string>("--new-base") { Description = "New base date (with --rollover)" };
        var dkga = new Option<string>("--new-dkga") { Description = "New DKGA, 02 or 04" };
        var ea = new Option<string>("--new-ea") { Description = "New encryption algorithm, 07 or 11" };
        var rollover = new Option<bool>("--rollover") { Description = "Set RO: next base date, TID memory cleared" };
        var schedule = new Command("schedule", "Schedule a key change for a meter or a whole supply group")
        {
            meter, group, sgc, ti, krn, kt, ken, baseDate, dkga, ea, rollover,
        };
        store.AddTo(schedule);
        schedule.SetAction(async (result, cancellationToken) =>
        {
            int? Number(Option<string> option, long min, long max) => result.GetValue(option) is { } text ? (int)OptionText.Number(option.Name, text, min, max) : null;
            var plan = OptionText.Checked("--new-base", () => new KeyChangePlan(
                result.GetValue(sgc) is { } s ? TokenOptionText.SupplyGroupCode("--new-sgc", s) : null,
                Number(ti, 0, 99), Number(krn, 1, 9), (KeyType?)Number(kt, 0, 3), Number(ken, 0, 255),
                result.GetValue(baseDate) is { } b ? OptionText.Choice("--new-base", b, TokenOptionText.BaseDates) : null,
                result.GetValue(dkga) is { } d ? KeyNameOptions.Dkga("--new-dkga", d) : null,
                result.GetValue(ea) is { } e ? OptionText.Choice("--new-ea", e, TokenOptionText.Algorithms) : null,
                result.GetValue(rollover)).Validated());
            await using var services = await store.OpenAsync(result);
            var scheduler = services.GetRequiredService<KeyChangeScheduler>();
            var count = (result.GetValue(meter), result.GetValue(group)) switch
            {
                ({ } m, null) => await scheduler.ForMeterAsync(OptionText.Checked("--meter", () => MeterNumber.Parse(m)).Digits, plan, cancellationToken),
                (null, { } g) => await scheduler.ForSupplyGroupAsync(TokenOptionText.SupplyGroupCode("--group-sgc", g), plan, cancellationToken),
                _ => throw new CliInputException("--meter", "give either --meter or --group-sgc"),
            };
            new CliOutput(output, result.GetValue(store.Json)).Write(new { scheduled = count },
                count == 0 ? "no registered STS meter matched: nothing scheduled" : $"scheduled a key change for {count} meter(s); each is issued with the meter's next credit token");
            return count == 0 ? 1 : 0;
        });
        return new Command("key-change", "Key changes") { schedule };
    }

    public static Command Rollover(TextWriter output, TimeProvider time)
    {
        return new Command("rollover", "The TID rollover campaign: move meters off base dates that have run out (or soon will)")
        {
            Step("plan", "List the meters that need it", output, time, run: false),
            Step("run", "Schedule a rollover key change (RO set, next base date) for each of them", output, time, run: true),
        };
    }

    private static Command Step(string name, string description, TextWriter output, TimeProvider time, bool run)
    {
        var store = new StoreOptions(time);
        var within = new Option<string>("--within-days") { Description = "Include bases ending within this many days", DefaultValueFactory = _ => "365" };
        var command = new Command(name, description) { within };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var horizon = TimeSpan.FromDays(OptionText.Number("--within-days", result.GetValue(within)!, 0, 36_500));
            await using var services = await store.OpenAsync(result);
            var scheduler = services.GetRequiredService<KeyChangeScheduler>();
            var plan = await scheduler.PlanRolloverAsync(horizon, cancellationToken);
            var scheduled = run ? await scheduler.RunRolloverAsync(horizon, cancellationToken) : 0;
            new CliOutput(output, result.GetValue(store.Json)).Write(
                new { meters = plan.Select(p => new { meter = p.MeterNumber, baseDate = (int)p.BaseDate, ends = p.Ends }), scheduled },
                [.. plan.Select(p => $"{p.MeterNumber}  base {(int)p.BaseDate}, TIDs end {p.Ends:yyyy-MM-dd HH:mm}Z"),
                 run ? $"scheduled {scheduled} rollover key change(s)" : $"{plan.Count} meter(s) need a rollover"]);
            return 0;
        });
        return command;
    }
}
