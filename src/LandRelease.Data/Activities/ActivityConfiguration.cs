using LandRelease.Data.Common;
using LandRelease.Domain.Activities;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities", t =>
        {
            t.HasCheckConstraint("ck_activities_type", SqlChecks.OneOf<ActivityType>("type"));
            t.HasCheckConstraint("ck_activities_status", SqlChecks.OneOf<ActivityStatus>("status"));
            t.HasCheckConstraint("ck_activities_completed_has_end_date", "status <> 'COMPLETED' OR end_date IS NOT NULL");
            t.HasCheckConstraint("ck_activities_end_not_before_start", "end_date IS NULL OR end_date >= start_date");
            t.HasCheckConstraint("ck_activities_worked_area_valid", "worked_area IS NULL OR ST_IsValid(worked_area)");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CountryCode).HasMaxLength(3);
        builder.Property(a => a.LocalId).HasMaxLength(64);
        builder.Property(a => a.Type).HasConversion<WireNameConverter<ActivityType>>().HasMaxLength(32);
        builder.Property(a => a.OrganisationCode).HasMaxLength(20);
        builder.Property(a => a.Method).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<WireNameConverter<ActivityStatus>>().HasMaxLength(16);
        builder.Property(a => a.ReferencePoint).HasColumnType("geometry(Point,4326)");
        builder.Property(a => a.WorkedArea).HasColumnType("geometry(MultiPolygon,4326)");

        // Geodesic m² on the WGS 84 ellipsoid, null without a worked area; generated, so never out of step.
        builder.Property(a => a.WorkedAreaSqm).HasComputedColumnSql("ST_Area(worked_area::geography)", stored: true);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Property(a => a.RecordedByOrganisation).HasMaxLength(20);
        builder.Property(a => a.ChangeReason).HasMaxLength(1000);

        builder.OwnsMany(a => a.Devices, ConfigureDevices);
        builder.Navigation(a => a.Devices).HasField("_devices");
        builder.OwnsMany(a => a.ProposedOutcomes, ConfigureOutcomes);
        builder.Navigation(a => a.ProposedOutcomes).HasField("_outcomes");

        // Uploads find an activity by its local id; PostgreSQL lets any number of activities go without one.
        builder.HasIndex(a => new { a.CountryCode, a.LocalId }).IsUnique();
        builder.HasIndex(a => a.HazardAreaId);
        builder.HasIndex(a => new { a.CountryCode, a.Status, a.EndDate });
        builder.HasIndex(a => a.ReferencePoint).HasMethod("gist");
        builder.HasIndex(a => a.WorkedArea).HasMethod("gist");
        builder.HasOne<HazardArea>().WithMany().HasForeignKey(a => a.HazardAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Countries.Country>().WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationCode)
            .HasPrincipalKey(o => o.Code).OnDelete(DeleteBehavior.Restrict);
    }

    // Reports sum devices straight from this table (a completed activity's devices count in the period of its end date).
    private static void ConfigureDevices(OwnedNavigationBuilder<Activity, ActivityDevice> devices)
    {
        devices.ToTable("activity_devices", t =>
        {
            t.HasCheckConstraint("ck_activity_devices_device_type", SqlChecks.OneOf<DeviceType>("device_type"));
            t.HasCheckConstraint("ck_activity_devices_counts", "found >= 0 AND destroyed >= 0");
        });
        devices.WithOwner().HasForeignKey("ActivityId");
        devices.HasKey("ActivityId", nameof(ActivityDevice.DeviceType));
        devices.Property(d => d.DeviceType).HasConversion<WireNameConverter<DeviceType>>().HasMaxLength(16);
    }

    private static void ConfigureOutcomes(OwnedNavigationBuilder<Activity, ProposedOutcome> outcomes)
    {
        outcomes.ToTable("activity_outcomes", t =>
        {
            t.HasCheckConstraint("ck_activity_outcomes_kind", SqlChecks.OneOf<ReleaseKind>("kind"));
            t.HasCheckConstraint("ck_activity_outcomes_geometry_valid", "ST_IsValid(geometry)");
        });
        outcomes.WithOwner().HasForeignKey("ActivityId");
        outcomes.HasKey("ActivityId", nameof(ProposedOutcome.Ordinal));
        outcomes.Property(o => o.Ordinal).ValueGeneratedNever();
        outcomes.Property(o => o.Kind).HasConversion<WireNameConverter<ReleaseKind>>().HasMaxLength(16);
        outcomes.Property(o => o.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        outcomes.Property(o => o.AreaSqm).HasComputedColumnSql("ST_Area(geometry::geography)", stored: true);
        outcomes.HasIndex(o => o.Geometry).HasMethod("gist");
        outcomes.HasIndex(o => o.ReleaseDecisionId);
        outcomes.HasOne<ReleaseDecision>().WithMany().HasForeignKey(o => o.ReleaseDecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
