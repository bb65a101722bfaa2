package dev.cdrgateway.insights;

import dev.cdrgateway.domain.QualityThresholds;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured {@link QualityThresholds} ({@code gateway.insights.quality.*}), for every call mapped and reported. */
@Singleton
class QualityThresholdsProducer {

    @Produces
    @Singleton
    QualityThresholds thresholds(InsightsConfig config) {
        InsightsConfig.Quality quality = config.quality();
        return new QualityThresholds(quality.mosBelow(), quality.jitterAboveMs(), quality.packetLossAbovePercent());
    }
}
