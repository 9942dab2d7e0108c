using System.Security.Claims;
using LandRelease.Domain.Countries;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LandRelease.Api.Access;

/// <summary>Tokens signed with the development key, for local use and tests; never valid in Production.</summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey Key(string base64) => new(Convert.FromBase64String(base64));

    public static string Issue(AuthOptions options, string name, IEnumerable<string> roles, IEnumerable<string> countries,
        string? organisation, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(TokenClaims.Subject, name), new(TokenClaims.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(TokenClaims.Role, r)));
        claims.AddRange(countries.Select(c => new Claim(TokenClaims.Country, CountryCode.Normalise(c))));
        if (organisation is not null)
        {
            claims.Add(new Claim(TokenClaims.Organisation, organisation.ToUpperInvariant()));
        }

        var key = Key(options.DevelopmentSigningKey
            ?? throw new InvalidOperationException("No development signing key is configured (Auth:DevelopmentSigningKey)."));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.DevelopmentIssuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
