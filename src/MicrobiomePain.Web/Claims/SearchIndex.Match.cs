using System.Runtime.CompilerServices;

namespace MicrobiomePain.Web.Claims;

/// <summary>The per-document steps of <see cref="SearchIndex.Search"/>: which alternatives match, bm25, and term ranges.</summary>
public sealed partial class SearchIndex
{
    /// <summary>
    /// Whether document d matches: every group (or, when <paramref name="any"/>, one group) has an alternative whose every
    /// phrase is in d. Fills <paramref name="ok"/> with which alternatives match, all of them, for bm25.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per document from Search (see there)
    private static bool Matches(int[][] frequencies, int[] phraseEnds, int[] groupEnds, bool any, bool[] ok, int document)
    {
        var (groupsOk, anyGroupOk) = (true, false);
        for (int g = 0, a = 0, p = 0; g < groupEnds.Length; g++)
        {
            var groupOk = false;
            for (; a < groupEnds[g]; a++)
            {
                var all = true;
                for (; p < phraseEnds[a]; p++)
                {
                    all &= frequencies[p][document] != 0;
                }

                ok[a] = all;
                groupOk |= all;
            }

            groupsOk &= groupOk;
            anyGroupOk |= groupOk;
        }

        return any ? anyGroupOk : groupsOk;
    }

    /// <summary>fts5Bm25Function for one row, written in its order of operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per hit from Search (see there)
    private double Bm25(int[][] frequencies, int[] alternativeOf, bool[] ok, double[] idf, int document)
    {
        var size = (double)_sizes[document];
        var score = 0.0;
        for (var p = 0; p < frequencies.Length; p++)
        {
            var f = ok[alternativeOf[p]] ? (double)frequencies[p][document] : 0.0;
            score += idf[p] * ((f * (K1 + 1.0)) / (f + (K1 * (1 - B + (B * size / _averageSize)))));
        }

        return -1.0 * score;
    }

    /// <summary>The run of terms that start with <paramref name="prefix"/> (ordinal order keeps them together).</summary>
    private (int From, int To) PrefixRange(string prefix)
    {
        var from = LowerBound(prefix);
        var to = from;
        while (to < _terms.Length && _terms[to].StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    private (int From, int To) ExactRange(string token)
    {
        var at = LowerBound(token);
        return at < _terms.Length && string.Equals(_terms[at], token, StringComparison.Ordinal) ? (at, at + 1) : (at, at);
    }

    private int LowerBound(string value)
    {
        var (low, high) = (0, _terms.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_terms[middle], value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
