namespace MicrobiomePain.Web.Grading;

/// <summary>
/// What relation a sentence claims, on the scale of Sumner et al. (BMJ 2014;349:g7015) as coded in InSciOut and by Yu
/// et al. (EMNLP 2019): 0 no relationship, 1 correlational, 2 conditional causal ("may cause"), 3 direct causal.
/// </summary>
public enum Relation
{
    NoRelationship = 0,
    Correlational = 1,
    ConditionalCausal = 2,
    DirectCausal = 3,
}
