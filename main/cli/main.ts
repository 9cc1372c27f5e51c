console.log('strata: the CLI lands with the graph core issue.');
