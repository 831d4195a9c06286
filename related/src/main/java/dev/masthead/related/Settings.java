package dev.masthead.related;

/**
 * The scoring settings of one {@link RelatedArticles}, taken from its {@link RelatedConfig}.
 *
 * @param headlineBoost weight of one headline occurrence of a term
 * @param dekBoost weight of one dek occurrence
 * @param bodyBoost weight of one body occurrence
 * @param textWeight weight of the text similarity in the score
 * @param tagWeight weight of the tag overlap
 * @param sectionWeight weight of being in the same section
 * @param bylineWeight weight of the byline overlap
 * @param timeProximityWeight the largest extra factor for being published close in time to the subject
 * @param timeProximityHalfLifeSeconds the gap between the two publication times that halves that weight
 * @param minScore the least score of a {@link RelatedArticle.Basis#CONTENT} result
 * @param maxQueryTerms the most terms of the subject used to find candidates
 */
record Settings(
    double headlineBoost,
    double dekBoost,
    double bodyBoost,
    double textWeight,
    double tagWeight,
    double sectionWeight,
    double bylineWeight,
    double timeProximityWeight,
    double timeProximityHalfLifeSeconds,
    double minScore,
    int maxQueryTerms) {}
