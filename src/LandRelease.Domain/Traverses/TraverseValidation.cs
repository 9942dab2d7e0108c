using LandRelease.Domain.Common;

namespace LandRelease.Domain.Traverses;

/// <summary>The checks on a traverse's observations, all reported at once, before anything is computed.</summary>
internal static class TraverseValidation
{
    public static List<RuleViolation> Check(TraverseInput input, TraverseOptions options)
    {
        var errors = new List<RuleViolation>();
        if (!(Math.Abs(input.ReferencePoint.X) <= PlausibleNumbers.MaxCoordinate && Math.Abs(input.ReferencePoint.Y) <= PlausibleNumbers.MaxCoordinate))
        {
            errors.Add(new(TraverseRules.ReferencePoint, "referencePoint",
                $"The reference point needs finite coordinates of at most {PlausibleNumbers.MaxCoordinate:0e0} (metres or degrees)."));
        }

        if (input.BearingReference == BearingReference.Magnetic)
        {
            if (input.MagneticDeclinationDegrees is not { } declination)
            {
                errors.Add(new(TraverseRules.Declination, "magneticDeclinationDegrees",
                    "Magnetic bearings need the magnetic declination at the site, in degrees, east positive."));
            }
            else if (!(Math.Abs(declination) <= 180))
            {
                errors.Add(new(TraverseRules.Declination, "magneticDeclinationDegrees", $"A declination of {declination} degrees is not between -180 and 180."));
            }
        }

        var legs = input.Legs ?? [];
        if (input.TurningPoints < TraverseInput.MinTurningPoints)
        {
            errors.Add(new(TraverseRules.Legs, "legs",
                $"A traverse needs at least {TraverseInput.MinTurningPoints} turning points, so {TraverseInput.MinTurningPoints + 2} legs " +
                $"(RP->BM, BM->TP1, TP1->TP2, ..., TPn->TP1); {legs.Count} given."));
        }

        var fullCircle = input.AngleUnit == AngleUnit.Mils ? 6400 : 360;
        var unit = input.AngleUnit == AngleUnit.Mils ? "mils" : "degrees";
        for (var i = 0; i < legs.Count; i++)
        {
            if (legs[i] is not { } leg)
            {
                errors.Add(new(TraverseRules.Legs, $"legs[{i}]", $"Leg {i} is empty."));
                continue;
            }

            if (!(leg.Bearing >= 0 && leg.Bearing <= fullCircle))
            {
                errors.Add(new(TraverseRules.Bearing, $"legs[{i}].bearing", $"A bearing of {leg.Bearing} is not between 0 and {fullCircle} {unit}."));
            }

            if (!(leg.Distance > 0 && leg.Distance <= options.MaxLegMetres))
            {
                errors.Add(new(TraverseRules.Distance, $"legs[{i}].distance",
                    $"A distance of {leg.Distance} m is not more than 0 and at most {options.MaxLegMetres} m."));
            }
        }

        return errors;
    }
}
