using System.Globalization;
using System.Text;

namespace MicrobiomePain.Web.Grading;

/// <summary>
/// Agreement between the rule and expert labels over a fixed set of classes: accuracy, macro-F1 (the unweighted mean of
/// the per-class F1, so a rare class counts as much as a common one), per-class F1 and the confusion matrix.
/// </summary>
public sealed class StrengthScore(string title, IReadOnlyList<string> classes)
{
    private readonly int[,] _matrix = new int[classes.Count, classes.Count];

    public string Title => title;

    public IReadOnlyList<string> Classes => classes;

    public int Total { get; private set; }

    /// <summary>Counts one item: the expert's class and the rule's, as indexes into <see cref="Classes"/>.</summary>
    public void Add(int expected, int predicted)
    {
        _matrix[expected, predicted]++;
        Total++;
    }

    public int Count(int expected, int predicted) => _matrix[expected, predicted];

    public double Accuracy => Total == 0 ? 0 : (double)Enumerable.Range(0, classes.Count).Sum(i => _matrix[i, i]) / Total;

    /// <summary>F1 of one class; a class neither labelled nor predicted scores 0 (and still counts in the macro mean).</summary>
    public double F1(int c)
    {
        var truePositive = _matrix[c, c];
        var predicted = Enumerable.Range(0, classes.Count).Sum(e => _matrix[e, c]);
        var labelled = Enumerable.Range(0, classes.Count).Sum(p => _matrix[c, p]);
        return predicted + labelled == 0 ? 0 : 2.0 * truePositive / (predicted + labelled);
    }

    public double MacroF1 => Enumerable.Range(0, classes.Count).Average(F1);

    /// <summary>The report `strength --score` prints: one block per score, rows are the experts' labels.</summary>
    public string Report()
    {
        static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        var width = Math.Max(12, classes.Max(c => c.Length) + 2);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: n={Total} accuracy={F(Accuracy)} macro-F1={F(MacroF1)}");
        text.AppendLine("  per-class F1: " + string.Join(", ", classes.Select((c, i) => $"{c} {F(F1(i))}")));
        text.AppendLine("  confusion matrix (rows: expert label, columns: rule)");
        text.Append("  ").Append(new string(' ', width)).AppendLine(string.Concat(classes.Select(c => c.PadLeft(width))));
        for (var e = 0; e < classes.Count; e++)
        {
            text.Append("  ").Append(classes[e].PadRight(width));
            text.AppendLine(string.Concat(Enumerable.Range(0, classes.Count).Select(p => _matrix[e, p].ToString(CultureInfo.InvariantCulture).PadLeft(width))));
        }

        return text.ToString();
    }
}
