namespace PiriSite.Web.Localization;

/// <summary>
/// The controller's public pages exist in every language: <see cref="LocalizedRoutesConvention"/> gives each of
/// its routes a Spanish and a French twin at the translated address.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LocalizedRoutesAttribute : Attribute;
