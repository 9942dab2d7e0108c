namespace LandRelease.Domain.Tests.Coordinates;

/// <summary>
/// Independent expected values: computed with PROJ 9.1.1 (pyproj 3.4.1) from the explicit definitions below
/// (copied from the project's shared vectors, crs.json). Input is in the named CRS (x = easting or longitude,
/// y = northing or latitude); expected is WGS 84 longitude, latitude.
/// </summary>
public static class CrsVectors
{
    public const string Indian1960 = "+towgs84=198,881,317,0,0,0,0";
    public const string Indian1975 = "+towgs84=293,836,318,0.5,1.6,-2.8,2.1";
    public const string Lao1997 = "+towgs84=44.585,-131.212,-39.544,0,0,0,0";
    public const string Vn2000 = "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";

    public sealed record Vector(string Crs, string Definition, double X, double Y, double Lon, double Lat)
    {
        public override string ToString() => $"{Crs} ({X}, {Y})";
    }

    public static readonly Vector[] All =
    [
        new("EPSG:4326", "+proj=longlat +datum=WGS84", 103.86, 13.36, 103.86, 13.36),
        new("EPSG:4326", "+proj=longlat +datum=WGS84", 102.6, 17.97, 102.6, 17.97),
        new("EPSG:32647", "+proj=utm +zone=47 +datum=WGS84", 662176.29, 1520582.494, 100.499999996, 13.749999997),
        new("EPSG:32647", "+proj=utm +zone=47 +datum=WGS84", 500000.0, 2156152.853, 99.0, 19.499999999),
        new("EPSG:32648", "+proj=utm +zone=48 +datum=WGS84", 376550.135, 1477231.131, 103.860000003, 13.360000002),
        new("EPSG:32648", "+proj=utm +zone=48 +datum=WGS84", 491277.401, 1277901.272, 104.919999997, 11.559999996),
        new("EPSG:32648", "+proj=utm +zone=48 +datum=WGS84", 607462.09, 1669630.801, 105.999999998, 15.100000003),
        new("EPSG:32649", "+proj=utm +zone=49 +datum=WGS84", 200396.497, 1776491.271, 108.2, 16.049999998),
        new("EPSG:4131", $"+proj=longlat +a=6377276.345 +rf=300.8017 {Indian1960}", 103.863723302, 13.358154868, 103.860000005, 13.359999998),
        new("EPSG:4131", $"+proj=longlat +a=6377276.345 +rf=300.8017 {Indian1960}", 104.923834107, 11.557991808, 104.919999996, 11.560000001),
        new("EPSG:3148", $"+proj=utm +zone=48 +a=6377276.345 +rf=300.8017 {Indian1960}", 376969.231, 1476907.675, 103.860000006, 13.359999994),
        new("EPSG:3148", $"+proj=utm +zone=48 +a=6377276.345 +rf=300.8017 {Indian1960}", 491696.515, 1277577.946, 104.919999999, 11.560000006),
        new("EPSG:3148", $"+proj=utm +zone=48 +a=6377276.345 +rf=300.8017 {Indian1960}", 241061.905, 1537648.747, 102.600000007, 13.899999995),
        new("EPSG:4240", $"+proj=longlat +a=6377276.345 +rf=300.8017 {Indian1975}", 100.504950861, 13.747875808, 100.499999992, 13.750000007),
        new("EPSG:24047", $"+proj=utm +zone=47 +a=6377276.345 +rf=300.8017 {Indian1975}", 662690.925, 1520229.728, 100.499999988, 13.750000003),
        new("EPSG:24047", $"+proj=utm +zone=47 +a=6377276.345 +rf=300.8017 {Indian1975}", 500517.005, 2155800.027, 99.000000012, 19.500000003),
        new("EPSG:24048", $"+proj=utm +zone=48 +a=6377276.345 +rf=300.8017 {Indian1975}", 263919.487, 1648065.495, 102.799999982, 14.900000008),
        new("EPSG:4678", $"+proj=longlat +ellps=krass {Lao1997}", 102.600140554, 17.9699415, 102.599999999, 17.97),
        new("Lao 1997 / UTM zone 48N", $"+proj=utm +zone=48 +ellps=krass {Lao1997}", 245836.708, 1988538.346, 102.600000001, 17.970000001),
        new("Lao 1997 / UTM zone 48N", $"+proj=utm +zone=48 +ellps=krass {Lao1997}", 607470.592, 1669661.422, 106.0, 15.099999998),
        new("EPSG:4756", $"+proj=longlat +ellps=WGS84 {Vn2000}", 106.698213743, 10.781018491, 106.700000001, 10.779999999),
        new("EPSG:3405", $"+proj=utm +zone=48 +ellps=WGS84 {Vn2000}", 685680.438, 1192281.558, 106.699999999, 10.779999999),
        new("EPSG:3405", $"+proj=utm +zone=48 +ellps=WGS84 {Vn2000}", 777416.594, 1821714.907, 107.600000004, 16.460000003),
        new("EPSG:3406", $"+proj=utm +zone=49 +ellps=WGS84 {Vn2000}", 200203.019, 1776607.254, 108.200000006, 16.049999999),
    ];

    /// <summary>crs.json "ballparkTrap": the EPSG:3148 point above, as a silent zero shift would place it.</summary>
    public static readonly (double Lon, double Lat) Indian1960ZeroShift = (103.863723303, 13.35889946);

    /// <summary>As theory rows (CRS, x, y, expected lon, expected lat), so each vector is its own test case.</summary>
    public static TheoryData<string, double, double, double, double> Theory()
    {
        var data = new TheoryData<string, double, double, double, double>();
        foreach (var v in All)
        {
            data.Add(v.Crs, v.X, v.Y, v.Lon, v.Lat);
        }

        return data;
    }
}
