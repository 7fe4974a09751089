using SmsVending.Contracts.KeyAuthority;
using SmsVending.Contracts.Tokens.OpenPaygo;
using SmsVending.KeyAuthority.Keys;
using SmsVending.KeyAuthority.Meters;

namespace SmsVending.KeyAuthority.Issuance;

/// <summary>Makes the next OpenPAYGO token for a locked device row and advances its count.</summary>
internal sealed class OpenPaygoTokenMaker(KeySealer sealer)
{
    public IssuedToken Make(MeterRow device, IssueToken request)
    {
        var mode = device.Restricted == 1 ? OpenPaygoMode.RestrictedDigits : OpenPaygoMode.Standard;
        var (type, value, purpose) = request.Operation switch
        {
            TokenOperation.Credit => (OpenPaygoTokenType.AddTime, Days(request.Amount, device, mode), "add time"),
            TokenOperation.SetTime => (OpenPaygoTokenType.SetTime, Days(request.Amount, device, mode), "set time"),
            TokenOperation.DisablePayg => (OpenPaygoTokenType.DisablePayg, 0, "disable PAYG"),
            TokenOperation.CounterSync => (OpenPaygoTokenType.CounterSync, 0, "counter sync"),
            _ => throw new TokenRejectionException(TokenRejection.UnsupportedOperation, $"an OpenPAYGO device takes no {request.Operation} token"),
        };
        if (device.DeviceCount > OpenPaygoEncoder.MaxCount - 2)
        {
            throw new TokenRejectionException(TokenRejection.UnsupportedOperation, $"device {device.MeterNumber}'s 16-bit count is used up");
        }

        var key = OpenPaygoKey.FromBytes(sealer.Open(device.SealedDeviceKey!, device.DeviceKeyRecordId));
        var token = OpenPaygoEncoder.Generate(key, device.StartingCode, device.DeviceCount, type, value, mode);
        device.DeviceCount = token.Count;
        decimal? days = type is OpenPaygoTokenType.AddTime or OpenPaygoTokenType.SetTime ? OpenPaygoDays.ToDays(token.Value, device.TimeDivider) : null;
        return new IssuedToken(token.Digits, purpose, -1, token.Count, null, days);
    }

    private static int Days(decimal days, MeterRow device, OpenPaygoMode mode)
    {
        try
        {
            return days >= 0
                ? OpenPaygoDays.ToValue(days, device.TimeDivider, mode)
                : throw new ArgumentOutOfRangeException(nameof(days), "days of use cannot be negative");
        }
        catch (ArgumentException e)
        {
            throw new TokenRejectionException(TokenRejection.AmountOutOfRange, e.Message.Split(" (Parameter")[0]);
        }
    }
}
