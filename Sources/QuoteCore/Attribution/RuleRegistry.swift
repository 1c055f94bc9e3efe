/// The ordered list of attribution rules: earlier rules decide first.
public enum RuleRegistry {
    /// Every rule, in the order the engine applies them.
    public static let rules: [any AttributionRule] = [
        QuotedAsSayingRule(),
        QuoteFirstRule(),
        DashTrailerRule(),
        HeadlineColonRule(),
        TranscriptLabelRule(),
        SpeakerFirstRule(),
        AccordingToRule(),
        ReportedSpeechRule(),
        RelativeObjectRule(),
        AskedQuestionRule(),
        SentenceSubjectRule(),
        ContinuationRule(),
        UnattributedRule(),
    ]

    /// Every rule id a record may carry, including the ids of rule variants.
    public static let ids: [String] = [
        "quoted-as-saying", "quote-speaker-verb", "quote-verb-speaker", "split-quote", "dash-trailer",
        "headline-colon", "transcript-label", "speaker-verb-quote", "lead-in", "subject-colon", "according-to", "reported-speech", "relative-object", "asked-question", "sentence-subject", "continuation", "unattributed",
    ]
}
