namespace SmsVending.Gateway.Staff;

/// <summary>Who may do what: agents find and resend, supervisors also replay in bulk and read the audit, admins manage the
/// data, and the meter factory reads decoder keys (manufacturing export).</summary>
public static class StaffRoles
{
    /// <summary>Call-centre agent.</summary>
    public const string Agent = "agent";

    /// <summary>Call-centre supervisor: everything an agent does, bulk replay, the audit view.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Administrator: everything, plus customers, meters, bindings and tariffs.</summary>
    public const string Admin = "admin";

    /// <summary>The meter factory: the manufacturing export only.</summary>
    public const string Manufacturing = "manufacturing";

    /// <summary>The roles that satisfy each policy (a policy is named after the least role it needs).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Policies = new Dictionary<string, string[]>
    {
        [Agent] = [Agent, Supervisor, Admin],
        [Supervisor] = [Supervisor, Admin],
        [Admin] = [Admin],
        [Manufacturing] = [Manufacturing],
    };
}

/// <summary>One staff API key as configured (Gateway:ApiKeys:NAME:Key and :Role); NAME is who the audit names.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The secret the caller sends in X-Api-Key.</summary>
    public string Key { get; set; } = "";

    /// <summary>agent, supervisor, admin or manufacturing.</summary>
    public string Role { get; set; } = "";
}
