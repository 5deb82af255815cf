namespace PiriSite.Domain.Content;

public enum ContentStatus
{
    Draft = 0,
    Published = 1,
}
