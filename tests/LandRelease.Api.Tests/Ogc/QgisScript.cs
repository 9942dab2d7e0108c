namespace LandRelease.Api.Tests.Ogc;

/// <summary>Python for QGIS headless: loads an OGC API - Features layer through a Basic authentication config and counts it.</summary>
internal static class QgisScript
{
    public const string CountFeatures = """
        import os, sys
        from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsVectorLayer

        root, layer, token = sys.argv[1], sys.argv[2], sys.argv[3]
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
        auth = QgsApplication.authManager()
        auth.setMasterPassword("test-master-password", True)
        config = QgsAuthMethodConfig("Basic")
        config.setName("landrelease")
        config.setConfig("username", "gis-officer")
        config.setConfig("password", token)
        auth.storeAuthenticationConfig(config)
        uri = f"url='{root}' typename='{layer}' authcfg='{config.id()}'"
        vl = QgsVectorLayer(uri, layer, "OAPIF")
        print("valid", vl.isValid(), flush=True)
        if vl.isValid():
            print("features", sum(1 for _ in vl.getFeatures()), flush=True)
            print("featureCount", vl.featureCount(), flush=True)
        # QGIS 3.22 may crash while tearing down network threads; the answer is printed by now.
        os._exit(0)
        """;
}
