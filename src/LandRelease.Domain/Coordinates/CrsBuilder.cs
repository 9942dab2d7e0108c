using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace LandRelease.Domain.Coordinates;

/// <summary>
/// Turns a parsed CRS into a transform: ProjNet for the map projection on the CRS's own ellipsoid, then the
/// datum shift (<see cref="Helmert"/>) chosen in this order: none for WGS 84; the deployment's table; the
/// WKT's own TOWGS84; otherwise a failure, never a silent zero shift.
/// </summary>
internal static class CrsBuilder
{
    public static CrsResolution FromCatalogue(CatalogueEntry entry, DatumShiftTable table)
    {
        var system = new CoordinateSystemFactory().CreateFromWkt(entry.Wkt);
        return Build(entry.Crs.Name, entry.Crs.Name, entry.Crs.Epsg, entry.Datum.Name, entry.Datum.Ellipsoid, wktShift: null, system, table);
    }

    /// <summary>OGC or ArcGIS WKT 1 whose top-level EPSG code (if any) is not one LandRelease defines.</summary>
    public static CrsResolution FromWkt(string wkt, DatumShiftTable table)
    {
        CoordinateSystem system;
        try
        {
            system = new CoordinateSystemFactory().CreateFromWkt(wkt);
        }
        catch (Exception e)
        {
            // ProjNet's reader throws whatever its tokenizer meets; all of it is bad input, not a server fault.
            return CrsResolution.Fail(CrsFailureCodes.Invalid, $"The WKT cannot be read ({e.Message}): {Abbreviate(wkt)}");
        }

        var geographic = system switch
        {
            ProjectedCoordinateSystem p => p.GeographicCoordinateSystem,
            GeographicCoordinateSystem g => g,
            _ => null,
        };
        var name = string.IsNullOrWhiteSpace(system.Name) ? Abbreviate(wkt) : system.Name;
        if (geographic is null)
        {
            return CrsResolution.Fail(CrsFailureCodes.Unsupported, $"{name}: only geographic and projected coordinate systems are converted.");
        }

        if (geographic.PrimeMeridian.Longitude != 0 || Math.Abs(geographic.AngularUnit.RadiansPerUnit - Math.PI / 180) > 1e-12)
        {
            return CrsResolution.Fail(CrsFailureCodes.Unsupported,
                $"{name}: longitudes must be in degrees from Greenwich (this CRS uses prime meridian '{geographic.PrimeMeridian.Name}' and unit '{geographic.AngularUnit.Name}').");
        }

        var datum = geographic.HorizontalDatum;
        var ellipsoid = new Ellipsoid(datum.Ellipsoid.Name, datum.Ellipsoid.SemiMajorAxis * datum.Ellipsoid.AxisUnit.MetersPerUnit,
            datum.Ellipsoid.InverseFlattening);
        var known = KnownDatums.Find(datum.Name, string.Equals(datum.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) ? datum.AuthorityCode : -1);
        if (known is not null && !known.Ellipsoid.SameFigureAs(ellipsoid))
        {
            return CrsResolution.Fail(CrsFailureCodes.Invalid,
                $"{name}: datum {known.Name} lies on the {known.Ellipsoid.Name} ellipsoid, but the WKT gives a = {ellipsoid.SemiMajor}, 1/f = {ellipsoid.InverseFlattening}.");
        }

        // An ArcGIS .prj carries no EPSG code: report it under the equivalent listed CRS when there is one.
        CatalogueEntry? equivalent = null;
        if (known is not null && system is GeographicCoordinateSystem)
        {
            equivalent = CrsCatalogue.FindEquivalent(known, null, true);
        }
        else if (known is not null && UtmZone(system) is { } utm)
        {
            equivalent = CrsCatalogue.FindEquivalent(known, utm.Zone, utm.North);
        }

        int? epsg = equivalent?.Crs.Epsg
            ?? (string.Equals(system.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) && system.AuthorityCode is > 0 and < int.MaxValue
                ? (int)system.AuthorityCode
                : null);
        var wktShift = datum.Wgs84Parameters is { } towgs84
            ? new DatumShift(towgs84.Dx, towgs84.Dy, towgs84.Dz, towgs84.Ex, towgs84.Ey, towgs84.Ez, towgs84.Ppm)
            : (DatumShift?)null;
        var listedName = equivalent?.Crs.Name ?? name;
        var described = listedName == name ? name : $"{name} ({listedName})";
        return Build(listedName, described, epsg, known?.Name ?? datum.Name.Trim(), ellipsoid, wktShift, system, table);
    }

    // `described` names the CRS in failure messages: the file's own name and the listed one it stands for.
    private static CrsResolution Build(string name, string described, int? epsg, string datum, Ellipsoid ellipsoid, DatumShift? wktShift,
        CoordinateSystem system, DatumShiftTable table)
    {
        DatumShift? shift = null;
        var source = DatumShiftSource.None;
        if (datum != KnownDatums.Wgs84Name)
        {
            if (table.TryGet(datum, out var fromTable))
            {
                (shift, source) = (fromTable, DatumShiftSource.Table);
            }
            else if (wktShift is { } own && own.IsFinite && (!own.IsZero || ellipsoid.SameFigureAs(Ellipsoid.Wgs84)))
            {
                // A zero TOWGS84 is honest only between WGS 84-like ellipsoids; on any other it is the ballpark trap.
                (shift, source) = (own, DatumShiftSource.Wkt);
            }
            else
            {
                return CrsResolution.Fail(CrsFailureCodes.DatumShiftMissing,
                    $"{described}: datum '{datum}' has no configured shift to WGS 84, and LandRelease will not guess one " +
                    $"(a zero shift can put points hundreds of metres off). An administrator can set Coordinates:DatumShifts:{datum} " +
                    "to \"tx,ty,tz,rx,ry,rz,ds\" (position vector).");
            }
        }

        MathTransform? toGeographic = null, toGrid = null;
        if (system is ProjectedCoordinateSystem projected)
        {
            try
            {
                var factory = new CoordinateTransformationFactory();
                toGrid = factory.CreateFromCoordinateSystems(projected.GeographicCoordinateSystem, projected).MathTransform;
                toGeographic = factory.CreateFromCoordinateSystems(projected, projected.GeographicCoordinateSystem).MathTransform;
            }
            catch (Exception e)
            {
                return CrsResolution.Fail(CrsFailureCodes.Unsupported,
                    $"{described}: projection '{projected.Projection.ClassName}' cannot be converted ({e.Message}).");
            }
        }

        var helmert = shift is { } s ? new Helmert(ellipsoid, s) : null;
        return CrsResolution.Success(new CrsTransform(name, epsg, datum, shift, source, helmert, toGeographic, toGrid));
    }

    /// <summary>The UTM zone of a Transverse Mercator grid with UTM's parameters in metres, else null.</summary>
    private static (int Zone, bool North)? UtmZone(CoordinateSystem system)
    {
        if (system is not ProjectedCoordinateSystem { Projection: var projection } projected
            || !string.Equals(projection.ClassName.Replace(' ', '_'), "Transverse_Mercator", StringComparison.OrdinalIgnoreCase)
            || projected.LinearUnit.MetersPerUnit != 1)
        {
            return null;
        }

        double Parameter(string key, double absent) => projection.GetParameter(key)?.Value ?? absent;
        var centralMeridian = Parameter("central_meridian", 0);
        var falseNorthing = Parameter("false_northing", 0);
        var zone = (int)Math.Round((centralMeridian + 183) / 6);
        var isUtm = Parameter("latitude_of_origin", 0) == 0 && Math.Abs(Parameter("scale_factor", 1) - 0.9996) < 1e-12
            && Parameter("false_easting", 0) == 500_000 && falseNorthing is 0 or 10_000_000
            && zone is >= 1 and <= 60 && Math.Abs(CatalogueEntry.CentralMeridian(zone) - centralMeridian) < 1e-9;
        return isUtm ? (zone, falseNorthing == 0) : null;
    }

    private static string Abbreviate(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
