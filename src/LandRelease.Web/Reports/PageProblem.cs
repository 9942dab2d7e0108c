namespace LandRelease.Web.Reports;

/// <summary>Why a report page cannot be shown (an unknown country, an unreadable year): its status and a sentence.</summary>
public sealed record PageProblem(int Status, string Title, string Detail);
