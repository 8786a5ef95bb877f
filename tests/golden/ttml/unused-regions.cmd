unused-regions.dfxp
