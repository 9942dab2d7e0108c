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

    /// <summary>Loads a collection's vector tiles as a QGIS vector tile layer (XYZ template, Basic auth) and renders one tile.</summary>
    public const string RenderTile = """
        import os, sys, urllib.parse
        from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsVectorTileLayer, QgsMapSettings,
                               QgsMapRendererSequentialJob, QgsCoordinateReferenceSystem, QgsRectangle)
        from qgis.PyQt.QtCore import QSize
        from qgis.PyQt.QtGui import QColor

        root, layer, token = sys.argv[1], sys.argv[2], sys.argv[3]
        z, y, x = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
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
        template = f"{root}/collections/{layer}/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}"
        uri = f"type=xyz&url={urllib.parse.quote(template, safe=':/')}&zmin={z}&zmax={z}&authcfg={config.id()}"
        vl = QgsVectorTileLayer(uri, layer)
        print("valid", vl.isValid(), flush=True)
        half = 20037508.342789244
        size = 2 * half / 2 ** z
        west, north = -half + x * size, half - y * size
        settings = QgsMapSettings()
        settings.setLayers([vl])
        settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        settings.setExtent(QgsRectangle(west, north - size, west + size, north))
        settings.setOutputSize(QSize(512, 512))
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        painted = sum(1 for i in range(512) for j in range(512) if image.pixel(i, j) != 0xFFFFFFFF)
        print("painted", painted, flush=True)
        os._exit(0)
        """;
}
