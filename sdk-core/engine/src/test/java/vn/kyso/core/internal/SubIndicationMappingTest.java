package vn.kyso.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.europa.esig.dss.enumerations.SubIndication;
import org.junit.jupiter.api.Test;

/** Every sub-indication EU DSS reports has its ETSI EN 319 102-1 constant in the report, under the same name. */
class SubIndicationMappingTest {
    @Test
    void everyDssSubIndicationMapsToTheEtsiEnum() {
        for (SubIndication dss : SubIndication.values()) {
            assertEquals(dss.name(), ReportMapper.subIndication(dss).name());
        }
        assertEquals(SubIndication.values().length, vn.kyso.api.report.SubIndication.values().length,
                "one Kyso constant per ETSI sub-indication, no more");
        assertNull(ReportMapper.subIndication(null));
    }
}
