using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class FirmProfileConfiguration : IEntityTypeConfiguration<FirmProfile>
{
    public void Configure(EntityTypeBuilder<FirmProfile> builder)
    {
        builder.Property(f => f.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired();
        builder.Property(f => f.FirmName).HasMaxLength(FirmProfile.ShortTextMaxLength).IsRequired();
        builder.Property(f => f.AttorneyName).HasMaxLength(FirmProfile.ShortTextMaxLength).IsRequired();
        builder.Property(f => f.PrincipalOfficeCity).HasMaxLength(FirmProfile.ShortTextMaxLength).IsRequired();
        builder.Property(f => f.Phone).HasMaxLength(40).IsRequired();
        builder.Property(f => f.ServiceArea).HasMaxLength(FirmProfile.ShortTextMaxLength);
        builder.Property(f => f.ConsultationOfferTitle).HasMaxLength(FirmProfile.ShortTextMaxLength);
        builder.Property(f => f.ConsultationOfferText).HasMaxLength(FirmProfile.LongTextMaxLength);
        builder.Property(f => f.PracticeAreasTitle).HasMaxLength(FirmProfile.ShortTextMaxLength);
        builder.Property(f => f.PracticeAreasTagline).HasMaxLength(FirmProfile.ShortTextMaxLength);
        builder.Property(f => f.PracticeAreasIntro).HasMaxLength(FirmProfile.LongTextMaxLength);
        builder.Property(f => f.AdvertisingDisclaimer).HasMaxLength(FirmProfile.LongTextMaxLength);
        builder.Property(f => f.LegalInformationNotice).HasMaxLength(FirmProfile.LongTextMaxLength);
        builder.Property(f => f.AboutMarkdown).HasMaxLength(FirmProfile.PageMaxLength);
        builder.Property(f => f.DisclaimerMarkdown).HasMaxLength(FirmProfile.PageMaxLength);
        builder.Property(f => f.PrivacyMarkdown).HasMaxLength(FirmProfile.PageMaxLength);

        // Short ordered lists: stored as JSON arrays in one column each (EF Core primitive collections).
        builder.PrimitiveCollection(f => f.LanguagesSpoken);
        builder.PrimitiveCollection(f => f.WhyChooseUs);

        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.Culture).IsUnique();
    }
}
