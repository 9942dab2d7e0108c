using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.Accounts;

/// <summary>Identity's tables under names that read like the rest of the schema ("accounts", not "asp_net_users").</summary>
internal static class AccountConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(builder =>
        {
            builder.ToTable("accounts");
            builder.Property(a => a.Role).HasMaxLength(32);
            builder.Property(a => a.Organisation).HasMaxLength(20);
            builder.Property(a => a.DisplayName).HasMaxLength(200);
            builder.Property(a => a.Position).HasMaxLength(200);
            builder.PrimitiveCollection(a => a.Countries);
            builder.HasIndex(a => a.NormalizedUserName).HasDatabaseName("ix_accounts_normalized_user_name");
            builder.HasIndex(a => a.NormalizedEmail).HasDatabaseName("ix_accounts_normalized_email");
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("account_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("account_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("account_tokens");
        modelBuilder.Entity<PersonalToken>(builder =>
        {
            builder.ToTable("personal_tokens");
            builder.HasKey(t => t.Id);
            builder.Property(t => t.Id).ValueGeneratedNever();
            builder.Property(t => t.Name).HasMaxLength(100);
            builder.Property(t => t.Prefix).HasMaxLength(16);
            builder.HasIndex(t => t.Hash).IsUnique();
            builder.HasIndex(t => t.AccountId);
            builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
