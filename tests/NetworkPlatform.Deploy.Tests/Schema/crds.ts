// Types for the custom resources the prod overlay uses, written from the operators' API references
// (RabbitMQ Cluster Operator and Messaging Topology Operator rabbitmq.com/v1beta1; CloudNativePG postgresql.cnpg.io/v1). They cover the
// fields this repository sets plus their common siblings; a field missing here is reported as unknown,
// so add it (from the reference) when the overlay starts using it.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";
import type { IAffinity } from "kubernetes-models/v1/Affinity";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";

interface EmbeddedMetadata { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
interface LocalObjectReference { name: string }

export interface RabbitmqCluster {
  apiVersion: "rabbitmq.com/v1beta1";
  kind: "RabbitmqCluster";
  metadata: IObjectMeta;
  spec?: {
    replicas?: number;
    image?: string;
    imagePullSecrets?: LocalObjectReference[];
    service?: { type?: "ClusterIP" | "LoadBalancer" | "NodePort"; annotations?: Record<string, string> };
    persistence?: { storageClassName?: string; storage?: string };
    resources?: IResourceRequirements;
    affinity?: IAffinity;
    tolerations?: IToleration[];
    terminationGracePeriodSeconds?: number;
    rabbitmq?: { additionalPlugins?: string[]; additionalConfig?: string; advancedConfig?: string; envConfig?: string };
    tls?: { secretName?: string; caSecretName?: string; disableNonTLSListeners?: boolean };
    override?: {
      statefulSet?: {
        metadata?: EmbeddedMetadata;
        spec?: { replicas?: number; template?: { metadata?: EmbeddedMetadata; spec?: Partial<IPodSpec> } };
      };
      service?: { metadata?: EmbeddedMetadata; spec?: Record<string, unknown> };
    };
  };
}

// RabbitMQ Messaging Topology Operator (rabbitmq.com/v1beta1): a broker user, its permissions on a virtual host and on a topic
// exchange.
interface RabbitmqClusterReference { name?: string; namespace?: string; connectionSecret?: LocalObjectReference }

export interface User {
  apiVersion: "rabbitmq.com/v1beta1";
  kind: "User";
  metadata: IObjectMeta;
  spec: {
    rabbitmqClusterReference: RabbitmqClusterReference;
    tags?: ("management" | "policymaker" | "monitoring" | "administrator")[];
    importCredentialsSecret?: LocalObjectReference;
  };
}

export interface Permission {
  apiVersion: "rabbitmq.com/v1beta1";
  kind: "Permission";
  metadata: IObjectMeta;
  spec: {
    vhost: string;
    user?: string;
    userReference?: LocalObjectReference;
    permissions: { configure?: string; write?: string; read?: string };
    rabbitmqClusterReference: RabbitmqClusterReference;
  };
}

// A user's topic permissions on one topic exchange: read and write patterns on routing keys (topicpermissions.rabbitmq.com).
export interface TopicPermission {
  apiVersion: "rabbitmq.com/v1beta1";
  kind: "TopicPermission";
  metadata: IObjectMeta;
  spec: {
    vhost: string;
    user?: string;
    userReference?: LocalObjectReference;
    permissions: { exchange: string; write?: string; read?: string };
    rabbitmqClusterReference: RabbitmqClusterReference;
  };
}

interface RoleConfiguration {
  name: string;
  ensure?: "present" | "absent";
  comment?: string;
  login?: boolean;
  superuser?: boolean;
  createdb?: boolean;
  createrole?: boolean;
  inherit?: boolean;
  replication?: boolean;
  bypassrls?: boolean;
  connectionLimit?: number;
  validUntil?: string;
  inRoles?: string[];
  passwordSecret?: LocalObjectReference;
  disablePassword?: boolean;
}

export interface Cluster {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Cluster";
  metadata: IObjectMeta;
  spec: {
    instances: number;
    imageName?: string;
    description?: string;
    storage?: { size?: string; storageClass?: string; resizeInUseVolumes?: boolean };
    walStorage?: { size?: string; storageClass?: string };
    resources?: IResourceRequirements;
    affinity?: {
      enablePodAntiAffinity?: boolean;
      podAntiAffinityType?: "preferred" | "required";
      topologyKey?: string;
      nodeSelector?: Record<string, string>;
      tolerations?: IToleration[];
    };
    inheritedMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    managed?: { roles?: RoleConfiguration[] };
    postgresql?: { parameters?: Record<string, string>; pg_hba?: string[] };
    bootstrap?: { initdb?: { database?: string; owner?: string; secret?: LocalObjectReference } };
    superuserSecret?: LocalObjectReference;
    enableSuperuserAccess?: boolean;
    primaryUpdateStrategy?: "supervised" | "unsupervised";
    monitoring?: { enablePodMonitor?: boolean };
  };
}

export interface Database {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Database";
  metadata: IObjectMeta;
  spec: {
    name: string;
    owner: string;
    cluster: LocalObjectReference;
    ensure?: "present" | "absent";
    encoding?: string;
    template?: string;
    databaseReclaimPolicy?: "retain" | "delete";
  };
}

// KEDA keda.sh/v1alpha1 (ScaledObject, TriggerAuthentication), from KEDA's API reference (2.16).
interface ScaleTriggers {
  type: string;
  name?: string;
  metadata: Record<string, string>;
  authenticationRef?: { name: string; kind?: "TriggerAuthentication" | "ClusterTriggerAuthentication" };
  metricType?: "AverageValue" | "Value" | "Utilization";
  useCachedMetrics?: boolean;
}

interface HorizontalPodAutoscalerBehavior {
  scaleUp?: ScalingRules;
  scaleDown?: ScalingRules;
}
interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: "Max" | "Min" | "Disabled";
  policies?: { type: "Pods" | "Percent"; value: number; periodSeconds: number }[];
}

export interface ScaledObject {
  apiVersion: "keda.sh/v1alpha1";
  kind: "ScaledObject";
  metadata: IObjectMeta;
  spec: {
    scaleTargetRef: { name: string; kind?: string; apiVersion?: string; envSourceContainerName?: string };
    pollingInterval?: number;
    cooldownPeriod?: number;
    initialCooldownPeriod?: number;
    idleReplicaCount?: number;
    minReplicaCount?: number;
    maxReplicaCount?: number;
    fallback?: { failureThreshold: number; replicas: number };
    advanced?: {
      restoreToOriginalReplicaCount?: boolean;
      horizontalPodAutoscalerConfig?: { name?: string; behavior?: HorizontalPodAutoscalerBehavior };
    };
    triggers: ScaleTriggers[];
  };
}

export interface TriggerAuthentication {
  apiVersion: "keda.sh/v1alpha1";
  kind: "TriggerAuthentication";
  metadata: IObjectMeta;
  spec: {
    secretTargetRef?: { parameter: string; name: string; key: string }[];
    env?: { parameter: string; name: string; containerName?: string }[];
  };
}

// Prometheus Operator monitoring.coreos.com/v1 (PrometheusRule, PodMonitor), from its API reference.
interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface PrometheusRule {
  apiVersion: "monitoring.coreos.com/v1";
  kind: "PrometheusRule";
  metadata: IObjectMeta;
  spec: { groups: { name: string; interval?: string; limit?: number; partial_response_strategy?: string; rules: Rule[] }[] };
}

interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] }

export interface PodMonitor {
  apiVersion: "monitoring.coreos.com/v1";
  kind: "PodMonitor";
  metadata: IObjectMeta;
  spec: {
    jobLabel?: string;
    podTargetLabels?: string[];
    selector: LabelSelector;
    namespaceSelector?: { any?: boolean; matchNames?: string[] };
    podMetricsEndpoints?: {
      port?: string;
      path?: string;
      scheme?: "http" | "https";
      interval?: string;
      scrapeTimeout?: string;
      honorLabels?: boolean;
    }[];
  };
}
