using System.Globalization;
using LandRelease.Domain.Traverses;
using LandRelease.Intake;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Computes the WGS 84 polygon of a traverse read from a file (bearings and distances from a GPS-fixed reference
/// point); a traverse that does not close within the configured limits is rejected with its misclosure.
/// </summary>
internal sealed class TraverseGeometry(TraverseCalculator calculator)
{
    public Geometry? Compute(TraverseRecord traverse, string uploadCrs, out TraverseSolution? solution, out ConversionProblem? problem)
    {
        solution = null;
        problem = null;
        if (!Enum.TryParse<AngleUnit>(traverse.AngleUnit, ignoreCase: true, out var unit)
            || !Enum.TryParse<BearingReference>(traverse.BearingReference, ignoreCase: true, out var reference))
        {
            problem = new ConversionProblem(TraverseRules.Legs,
                $"A traverse's angle unit is DEGREES or MILS and its bearing reference TRUE, MAGNETIC or GRID, not {traverse.AngleUnit}/{traverse.BearingReference}.");
            return null;
        }

        var input = new TraverseInput(
            new TraverseReferencePoint(traverse.ReferenceX, traverse.ReferenceY, traverse.ReferenceCrs ?? uploadCrs),
            reference, unit, [.. traverse.Legs.Select(l => new Domain.Traverses.TraverseLeg(l.Bearing, l.DistanceMetres))],
            traverse.DeclinationDegrees);
        var result = calculator.Compute(input);
        if (!result.Succeeded)
        {
            var first = result.Errors[0];
            problem = new ConversionProblem(first.Rule, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
            return null;
        }

        solution = result.Solution;
        if (!solution!.Accepted)
        {
            problem = new ConversionProblem("traverse-misclosure", string.Create(CultureInfo.InvariantCulture,
                $"The traverse does not close: {solution.RejectionReason}"));
            return null;
        }

        return solution.Polygon;
    }
}
