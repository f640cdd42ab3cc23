using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkPlatform.Membership.Domain;

/// <summary>The formats the membership domain accepts beyond the shared ones (Violations), used by request validation.</summary>
public static partial class FieldRules
{
    /// <summary>8-15 digits, optional leading '+', spaces allowed between digits.</summary>
    public static bool IsPhone(string value)
    {
        if (!PhonePattern().IsMatch(value))
        {
            return false;
        }
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15;
    }

    /// <summary>Norwegian organisasjonsnummer: 9 digits, the last a mod-11 check digit over weights 3 2 7 6 5 4 3 2.</summary>
    public static bool IsOrganisationNumber(string value)
    {
        var digits = value.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        return check != 10 && check == digits[8] - '0';
    }

    public static bool IsTimeZone(string value) => TimeZoneInfo.TryFindSystemTimeZoneById(value, out _);

    public static bool IsCountry(string value) => value == "INT" || (value.Length == 2 && value.All(char.IsAsciiLetterUpper));

    public static bool IsLanguageTag(string value)
    {
        try
        {
            return value.Length is >= 2 and <= 35 && CultureInfo.GetCultureInfo(value, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\+?[0-9 ]+$")]
    private static partial Regex PhonePattern();
}
