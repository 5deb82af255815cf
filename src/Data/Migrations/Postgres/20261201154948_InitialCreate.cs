using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PiriSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AdvertisingSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TranslationKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PageKey = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PublishedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CapturedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Html = table.Column<byte[]>(type: "bytea", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    TextHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FilingState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ExemptReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FilingRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FilingRecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvertisingSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ReviewBy = table.Column<DateOnly>(type: "date", nullable: true),
                    FastMoving = table.Column<bool>(type: "boolean", nullable: false),
                    TranslationKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Slug = table.Column<string>(type: "citext", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "citext", maxLength: 500, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    TableOfContentsJson = table.Column<string>(type: "text", nullable: false),
                    RenderVersion = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeoTitle = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: true),
                    SeoDescription = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    TextVersion = table.Column<int>(type: "integer", nullable: false),
                    SourceTextVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationNoticeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CheckboxLabel = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationNoticeVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SavedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    SeoTitle = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: true),
                    SeoDescription = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Changes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FirmProfileRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedById = table.Column<string>(type: "text", nullable: true),
                    SavedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    ChangedFields = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirmProfileRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FirmProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FirmName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AttorneyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PrincipalOfficeCity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LanguagesSpoken = table.Column<List<string>>(type: "text[]", nullable: false),
                    ServiceArea = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsultationOfferTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsultationOfferText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WhyChooseUs = table.Column<List<string>>(type: "text[]", nullable: false),
                    PracticeAreasTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PracticeAreasTagline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PracticeAreasIntro = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AdvertisingDisclaimer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LegalInformationNotice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AboutMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    DisclaimerMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    PrivacyMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    AboutHtml = table.Column<string>(type: "text", nullable: false),
                    DisclaimerHtml = table.Column<string>(type: "text", nullable: false),
                    PrivacyHtml = table.Column<string>(type: "text", nullable: false),
                    RenderVersion = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirmProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediaFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Variants = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PracticeAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 120, nullable: false),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false),
                    TranslationKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Slug = table.Column<string>(type: "citext", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "citext", maxLength: 500, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    TableOfContentsJson = table.Column<string>(type: "text", nullable: false),
                    RenderVersion = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeoTitle = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: true),
                    SeoDescription = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    TextVersion = table.Column<int>(type: "integer", nullable: false),
                    SourceTextVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OldSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlugRedirects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "citext", maxLength: 120, nullable: false),
                    Phone = table.Column<string>(type: "citext", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "citext", maxLength: 254, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PracticeAreaKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CourtDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "citext", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SpamVerdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SourcePage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceCulture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NoticeVersionId = table.Column<int>(type: "integer", nullable: true),
                    AssignedToId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsUnread = table.Column<bool>(type: "boolean", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedNoticeCulture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, defaultValue: ""),
                    AcknowledgedNoticeText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, defaultValue: ""),
                    AcknowledgedNoticeVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationRequests_ConsultationNoticeVersions_NoticeVersi~",
                        column: x => x.NoticeVersionId,
                        principalTable: "ConsultationNoticeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeadNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationRequestId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadNotes_ConsultationRequests_ConsultationRequestId",
                        column: x => x.ConsultationRequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Mailbox = table.Column<string>(type: "text", nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsultationReference = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    DedupeKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConsultationRequestId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_ConsultationRequests_ConsultationRequestId",
                        column: x => x.ConsultationRequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisingSnapshots_CapturedAt_PublishedAt",
                table: "AdvertisingSnapshots",
                columns: new[] { "CapturedAt", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisingSnapshots_FilingState_PublishedAt",
                table: "AdvertisingSnapshots",
                columns: new[] { "FilingState", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisingSnapshots_PageKey_Culture_PublishedAt",
                table: "AdvertisingSnapshots",
                columns: new[] { "PageKey", "Culture", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Culture_Slug",
                table: "Articles",
                columns: new[] { "Culture", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Culture_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Culture", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TranslationKey_Culture",
                table: "Articles",
                columns: new[] { "TranslationKey", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_At",
                table: "AuditEntries",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_At",
                table: "AuditEntries",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationNoticeVersions_Culture_Number",
                table: "ConsultationNoticeVersions",
                columns: new[] { "Culture", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_CreatedAt",
                table: "ConsultationRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_FollowUpOn_Status",
                table: "ConsultationRequests",
                columns: new[] { "FollowUpOn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_IdempotencyKey",
                table: "ConsultationRequests",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_NoticeVersionId",
                table: "ConsultationRequests",
                column: "NoticeVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Stat~",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "PreferredLanguage", "Status", "CreatedAt", "Urgency", "CourtDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt_Urg~",
                table: "ConsultationRequests",
                columns: new[] { "PreferredLanguage", "Status", "CreatedAt", "Urgency", "CourtDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Reference",
                table: "ConsultationRequests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Status_StatusChangedAt",
                table: "ConsultationRequests",
                columns: new[] { "Status", "StatusChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Urgency_CourtDate_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "Urgency", "CourtDate", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_Kind_ContentId_Number",
                table: "ContentRevisions",
                columns: new[] { "Kind", "ContentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FirmProfileRevisions_Culture_Number",
                table: "FirmProfileRevisions",
                columns: new[] { "Culture", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FirmProfiles_Culture",
                table: "FirmProfiles",
                column: "Culture",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadNotes_ConsultationRequestId_At",
                table: "LeadNotes",
                columns: new[] { "ConsultationRequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaFiles_StoredName",
                table: "MediaFiles",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ConsultationRequestId",
                table: "OutboxMessages",
                column: "ConsultationRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey",
                table: "OutboxMessages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Mailbox_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "Mailbox", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAreas_Culture_DisplayOrder",
                table: "PracticeAreas",
                columns: new[] { "Culture", "DisplayOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAreas_Culture_Slug",
                table: "PracticeAreas",
                columns: new[] { "Culture", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAreas_TranslationKey_Culture",
                table: "PracticeAreas",
                columns: new[] { "TranslationKey", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlugRedirects_Kind_Culture_OldSlug",
                table: "SlugRedirects",
                columns: new[] { "Kind", "Culture", "OldSlug" },
                unique: true);

            // The leads search (see LeadSearch): trigrams of a request's name, email, phone and description, so a
            // "contains" search of three letters or more, in any case, reads the index instead of every request.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_ConsultationRequests_SearchText" ON "ConsultationRequests" USING gin
                (("FullName"::text || ' ' || coalesce("Email"::text, '') || ' ' || coalesce("Phone"::text, '') || ' ' || "Description"::text) gin_trgm_ops);
                """);

            // The archive is evidence: once captured, a snapshot's page, text and dates cannot be changed or deleted
            // by anyone with access to the application (only its filing record moves). As the SQLite triggers do.
            migrationBuilder.Sql("""
                CREATE FUNCTION advertising_snapshot_is_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND ROW(NEW."PageKind", NEW."TranslationKey", NEW."Culture", NEW."PageKey", NEW."PublishedAt",
                            NEW."PublishedById", NEW."PublishedByName", NEW."Reason", NEW."CapturedAt", NEW."Path", NEW."Title",
                            NEW."Html", NEW."Text", NEW."TextHash")
                        IS NOT DISTINCT FROM ROW(OLD."PageKind", OLD."TranslationKey", OLD."Culture", OLD."PageKey", OLD."PublishedAt",
                            OLD."PublishedById", OLD."PublishedByName", OLD."Reason", OLD."CapturedAt", OLD."Path", OLD."Title",
                            OLD."Html", OLD."Text", OLD."TextHash") THEN
                        RETURN NEW;
                    END IF;
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'An archived advertising snapshot is never changed.';
                    END IF;
                    RAISE EXCEPTION 'An archived advertising snapshot is never deleted.';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AdvertisingSnapshots_NeverChanged" BEFORE UPDATE ON "AdvertisingSnapshots"
                FOR EACH ROW WHEN (OLD."CapturedAt" IS NOT NULL) EXECUTE FUNCTION advertising_snapshot_is_evidence();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AdvertisingSnapshots_NeverDeleted" BEFORE DELETE ON "AdvertisingSnapshots"
                FOR EACH ROW WHEN (OLD."CapturedAt" IS NOT NULL) EXECUTE FUNCTION advertising_snapshot_is_evidence();
                """);
            // TRUNCATE skips row triggers: refused outright (a restore drops and re-creates the table instead).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AdvertisingSnapshots_NeverTruncated" BEFORE TRUNCATE ON "AdvertisingSnapshots"
                FOR EACH STATEMENT EXECUTE FUNCTION advertising_snapshot_is_evidence();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_ConsultationRequests_SearchText";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AdvertisingSnapshots_NeverTruncated" ON "AdvertisingSnapshots";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AdvertisingSnapshots_NeverDeleted" ON "AdvertisingSnapshots";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AdvertisingSnapshots_NeverChanged" ON "AdvertisingSnapshots";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS advertising_snapshot_is_evidence();");

            migrationBuilder.DropTable(
                name: "AdvertisingSnapshots");

            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ContentRevisions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FirmProfileRevisions");

            migrationBuilder.DropTable(
                name: "FirmProfiles");

            migrationBuilder.DropTable(
                name: "LeadNotes");

            migrationBuilder.DropTable(
                name: "MediaFiles");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PracticeAreas");

            migrationBuilder.DropTable(
                name: "SlugRedirects");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ConsultationRequests");

            migrationBuilder.DropTable(
                name: "ConsultationNoticeVersions");
        }
    }
}
