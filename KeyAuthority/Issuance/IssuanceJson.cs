using System.Text.Json.Serialization;
using SmsVending.Contracts.KeyAuthority;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Source-generated JSON for the stored answers: no reflection on the issuing path.</summary>
[JsonSerializable(typeof(TokenSetIssued))]
internal sealed partial class IssuanceJson : JsonSerializerContext;
