namespace PiriSite.Domain.Consultations;

/// <summary>
/// The notice a person must acknowledge before sending a request. Each request records the version it
/// accepted, so a later change of wording never rewrites what someone agreed to.
/// </summary>
public static class ConsultationNotice
{
    public const string Version = "2026-11-28";

    public const string Text =
        "Sending this form does not create an attorney-client relationship with The Piri Law Firm, and the firm " +
        "does not represent you until it agrees to in a signed written agreement. Please do not send documents or " +
        "confidential details yet: describe your situation briefly, and the attorney will discuss it with you " +
        "during the free consultation. What you send is seen only by the firm's attorney and staff.";

    public const string CheckboxLabel = "I have read this notice and understand that sending this form does not make me a client of the firm.";
}
