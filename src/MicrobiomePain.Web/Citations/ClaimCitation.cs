using System.Globalization;
using System.Text;
using System.Text.Json;
using MicrobiomePain.Web.Claims;

namespace MicrobiomePain.Web.Citations;

/// <summary>
/// How to cite one claim page: a ready text citation and the same facts in BibTeX, RIS and CSL-JSON.
/// The citation is of our review of the claim (site, URL, date reviewed), not of the studies.
/// </summary>
public sealed record ClaimCitation(string Key, string Title, string Url, DateOnly Reviewed, string LevelName, string ClaimId)
{
    public const string SiteName = "MicrobiomePain";

    public static ClaimCitation For(ClaimDetail claim, string url) =>
        new($"microbiomepain-{claim.Id.ToLowerInvariant()}", claim.Title, url, claim.Reviewed, claim.Level.Name, claim.Id);

    private string Note => $"Claim {ClaimId}; evidence level: {LevelName}; last reviewed {Reviewed:yyyy-MM-dd}";

    public string Text =>
        $"{SiteName}. “{Title}” (claim {ClaimId}, evidence level: {LevelName}). Last reviewed {Reviewed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. {Url}";

    public string BibTeX()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"@misc{{{Key},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  title = {{{{{Bib(Title)}}}}},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  author = {{{{{SiteName}}}}},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  year = {{{Reviewed.Year}}},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  month = {{{Reviewed.Month}}},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  url = {{{Url}}},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  howpublished = {{\\url{{{Url}}}}},\n");
        sb.Append(CultureInfo.InvariantCulture, $"  note = {{{Bib(Note)}}}\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    public string Ris() =>
        string.Join("\r\n",
            "TY  - ELEC",
            $"TI  - {Line(Title)}",
            $"AU  - {SiteName}",
            $"PY  - {Reviewed.Year}",
            $"DA  - {Reviewed:yyyy'/'MM'/'dd}",
            $"UR  - {Url}",
            $"N1  - {Line(Note)}",
            "ER  - ",
            "");

    public string CslJson() => JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object>
        {
            ["id"] = Key,
            ["type"] = "webpage",
            ["title"] = Title,
            ["container-title"] = SiteName,
            ["author"] = new[] { new Dictionary<string, string> { ["literal"] = SiteName } },
            ["URL"] = Url,
            ["issued"] = new Dictionary<string, int[][]> { ["date-parts"] = [[Reviewed.Year, Reviewed.Month, Reviewed.Day]] },
            ["note"] = Note,
        },
    });

    /// <summary>Escapes BibTeX's special characters so a title cannot unbalance braces.</summary>
    private static string Bib(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + ch,
                '\\' => "\\textbackslash{}",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Line(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
