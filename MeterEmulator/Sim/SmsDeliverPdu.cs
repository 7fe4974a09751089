namespace SmsVending.MeterEmulator.Sim;

/// <summary>The SMS-DELIVER TPDU (3GPP TS 23.040 §9.2.2.1), GSM 7-bit only (TP-DCS 0x00).</summary>
/// <remarks>
/// Layout: first octet (TP-MTI bits 1–0 = 00, TP-MMS bit 2, TP-LP bit 3, TP-SRI bit 5, TP-UDHI bit 6, TP-RP bit 7),
/// TP-OA, TP-PID, TP-DCS, TP-SCTS (7 octets), TP-UDL (septets, header included), TP-UD packed septets.
/// Encoding writes 0x04 (no more messages waiting, no header), PID 0x00, DCS 0x00. Decoding reads any TP-DCS
/// that means the GSM 7-bit alphabet uncompressed, and skips a user data header (UDHI) with its fill bits.
/// </remarks>
internal static class SmsDeliverPdu
{
    private const byte FirstOctet = 0x04;

    public static byte[] Encode(SmsDeliver message)
    {
        var septets = Gsm7.ToSeptets(message.Text);
        if (septets.Length > SmsDeliver.MaxSeptets)
        {
            throw new ArgumentException($"the text takes {septets.Length} septets; one SMS holds {SmsDeliver.MaxSeptets}");
        }

        return [FirstOctet, .. SmsAddress.EncodeOriginator(message.Sender), 0x00, 0x00, .. ServiceCentreTimeStamp.Encode(message.Timestamp), (byte)septets.Length, .. Gsm7.Pack(septets)];
    }

    /// <summary>Reads the TPDU; null with the reason when it is not an SMS-DELIVER this codec can read.</summary>
    public static SmsDeliver? Decode(ReadOnlySpan<byte> tpdu, out string? problem)
    {
        if (tpdu.Length < 1)
        {
            problem = "no TPDU";
            return null;
        }

        var first = tpdu[0];
        if ((first & 0x03) != 0)
        {
            problem = $"TP-MTI {first & 0x03} is not SMS-DELIVER";
            return null;
        }

        var at = 1;
        var sender = SmsAddress.DecodeOriginator(tpdu, ref at, out problem);
        if (sender is null)
        {
            return null;
        }

        if (at + 2 + ServiceCentreTimeStamp.Length + 1 > tpdu.Length)
        {
            problem = "the TPDU is cut off before TP-UDL";
            return null;
        }

        var dcs = tpdu[at + 1];
        problem = Alphabet(dcs);
        var timestamp = ServiceCentreTimeStamp.Decode(tpdu.Slice(at + 2, ServiceCentreTimeStamp.Length));
        if (problem is null && timestamp is null)
        {
            problem = "TP-SCTS is not a valid date and time";
        }

        if (problem is not null)
        {
            return null;
        }

        at += 2 + ServiceCentreTimeStamp.Length;
        int length = tpdu[at], octets = Gsm7.PackedLength(length);
        var ud = tpdu[(at + 1)..];
        if (length > SmsDeliver.MaxSeptets)
        {
            problem = $"TP-UDL {length} is over {SmsDeliver.MaxSeptets} septets";
            return null;
        }

        if (octets > ud.Length)
        {
            problem = $"TP-UD is truncated: TP-UDL {length} septets need {octets} octets, {ud.Length} follow";
            return null;
        }

        var septets = Gsm7.Unpack(ud, length);
        var skip = 0;
        if ((first & 0x40) != 0)
        {
            // The header (UDHL + UDHL octets) is followed by fill bits up to a septet boundary.
            skip = ud.Length > 0 ? ((ud[0] + 1) * 8 + 6) / 7 : int.MaxValue;
            if (skip > length)
            {
                problem = "the user data header is longer than TP-UD";
                return null;
            }
        }

        return new SmsDeliver(sender, Gsm7.FromSeptets(septets.AsSpan(skip)), timestamp!.Value);
    }

    // TS 23.038 §4: groups 00xx (general) and 1111 (data coding/message class) carry the alphabet in bits 3–2.
    private static string? Alphabet(byte dcs)
    {
        var general = (dcs & 0xC0) == 0x00;
        if (!general && (dcs & 0xF0) != 0xF0)
        {
            return $"TP-DCS 0x{dcs:X2} is not a coding group this reader knows";
        }

        if (general && (dcs & 0x20) != 0)
        {
            return $"TP-DCS 0x{dcs:X2} is compressed";
        }

        var alphabet = general ? (dcs >> 2) & 0x03 : (dcs >> 2) & 0x01;
        return alphabet switch
        {
            0 => null,
            1 => $"TP-DCS 0x{dcs:X2} is 8-bit data, not text",
            2 => $"TP-DCS 0x{dcs:X2} is UCS-2 data, which this reader does not read",
            _ => $"TP-DCS 0x{dcs:X2} names a reserved alphabet",
        };
    }
}
